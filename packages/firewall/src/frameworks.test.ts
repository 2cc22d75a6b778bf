import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { detectFramework, FRAMEWORKS, framework, isServed } from './frameworks.js'

let dirs: string[] = []
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  dirs = []
})

/** A project folder whose package.json has `manifest`. */
function project(manifest: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'smartpay-frameworks-'))
  dirs.push(dir)
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest))
  return dir
}

const served = (id: Parameters<typeof framework>[0], path: string) => {
  const folder = framework(id).served.find((each) => each.path === path)
  if (!folder) throw new Error(`${id} serves no ${path}`)
  return (file: string) => isServed(folder, file)
}

describe('detectFramework', () => {
  it('finds the framework a project depends on, before the Vite it builds with', () => {
    const root = project({ devDependencies: { '@sveltejs/kit': '3.4.1', vite: '8.3.8' } })
    expect(detectFramework(root)?.id).toBe('sveltekit')
  })

  it.each([
    ['next', 'next'],
    ['nuxt', 'nuxt'],
    ['astro', 'astro'],
    ['@react-router/dev', 'react-router'],
    ['vite', 'vite'],
  ])('reads %s in dependencies as %s', (name, id) => {
    expect(detectFramework(project({ dependencies: { [name]: '*', vite: '*' } }))?.id).toBe(id)
  })

  it('answers undefined for a project with none of them, or no package.json', () => {
    expect(detectFramework(project({ dependencies: { express: '5.3.0' } }))).toBeUndefined()
    const empty = mkdtempSync(join(tmpdir(), 'smartpay-frameworks-'))
    dirs.push(empty)
    expect(detectFramework(empty)).toBeUndefined()
  })
})

describe('the served folders', () => {
  it("Next.js: prerendered pages, payloads and route bodies, not the server's code", () => {
    const app = served('next', '.next/server/app')
    for (const file of ['index.html', 'index.rsc', 'api/key.body', 'index.meta'])
      expect(app(file)).toBe(true)
    expect(app('index.segments/__PAGE__.segment.rsc')).toBe(true)
    for (const file of ['page.js', 'page.js.map', 'page/build-manifest.json'])
      expect(app(file)).toBe(false)
    const pages = served('next', '.next/server/pages')
    expect(pages('legacy.html')).toBe(true)
    expect(pages('legacy.json')).toBe(true)
    expect(pages('_document.js')).toBe(false)
    expect(pages('_error/build-manifest.json')).toBe(false)
    expect(pages('_document.js.nft.json')).toBe(false)
  })

  it("SvelteKit's build/: a static site and a service worker, not adapter-node's server", () => {
    const build = served('sveltekit', 'build')
    for (const file of ['index.html', 'service-worker.js', 'client/_app/x.js', 'prerendered/a'])
      expect(build(file)).toBe(true)
    for (const file of ['index.js', 'handler.js', 'env.js', 'shims.js', 'server/index.js'])
      expect(build(file)).toBe(false)
  })

  it("Astro's dist/: the client, not the server output", () => {
    const dist = served('astro', 'dist')
    expect(dist('client/_astro/x.js')).toBe(true)
    expect(dist('index.html')).toBe(true)
    expect(dist('server/entry.mjs')).toBe(false)
  })

  it('every row names a served folder, a public env prefix, its last hook and its wiring', () => {
    expect(FRAMEWORKS.map(({ id }) => id)).toEqual([
      'next',
      'nuxt',
      'sveltekit',
      'astro',
      'react-router',
      'vite',
    ])
    for (const row of FRAMEWORKS) {
      expect(row.served.length).toBeGreaterThan(0)
      expect(row.publicEnvPrefixes.every((prefix) => /^[A-Z][A-Z_]*_$/.test(prefix))).toBe(true)
      expect(row.lastHook).not.toBe('')
      expect(row.wiring.from).toMatch(/^@smartpay-kit\/firewall\//)
    }
  })
})

/** The README's frameworks table, as the rows say it. */
function frameworksTable(): string {
  const code = (text: string) => `\`${text}\``
  const rows = FRAMEWORKS.map((row) => {
    const folders = row.served.map(
      ({ path, only, except }) =>
        code(path) + (only ? ' (served files)' : except ? ' (not its server files)' : ''),
    )
    return [
      `${row.name} (${row.checked})`,
      `${code(row.wiring.line)} in ${code(row.wiring.file)}, from ${code(row.wiring.from)}`,
      `${folders.join(', ')}; ${row.lastHook}`,
      row.unseen,
    ]
  })
  return [
    '| framework (tested) | wire it in | what it scans | what it cannot see |',
    '|---|---|---|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n')
}

describe('the README', () => {
  it('has the frameworks table these rows make (paste it between the markers)', () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8')
    const [, table] =
      /<!-- frameworks:start[^>]*-->\n([\s\S]*?)\n<!-- frameworks:end -->/.exec(readme) ?? []
    expect(table).toBe(frameworksTable())
  })
})
