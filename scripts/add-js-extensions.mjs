#!/usr/bin/env node
// Rewrites extensionless relative imports in TypeScript sources to explicit `.js`
// (or `/index.js`), so emitted .d.ts files resolve under Node's ESM rules (attw node16).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const roots = process.argv.slice(2)
const pattern = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g

function* walk(dir) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) yield* walk(path)
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) yield path
  }
}

let changed = 0
for (const root of roots) {
  for (const file of walk(root)) {
    const source = readFileSync(file, 'utf8')
    const next = source.replace(pattern, (match, lead, quote, spec) => {
      if (/\.(m?js|json|css|html|svg)$/.test(spec) || spec.includes('?')) return match
      const base = resolve(dirname(file), spec)
      if (existsSync(`${base}.ts`) || existsSync(`${base}.tsx`))
        return `${lead}${quote}${spec}.js${quote}`
      if (existsSync(join(base, 'index.ts')))
        return `${lead}${quote}${spec.replace(/\/$/, '')}/index.js${quote}`
      return match
    })
    if (next !== source) {
      writeFileSync(file, next)
      changed++
    }
  }
}
console.log(`add-js-extensions: ${changed} file(s) updated`)
