#!/usr/bin/env node
/// <reference types="node" />
import { createTwoFilesPatch } from 'diff'
import { formatFinding, migrateFiles } from './migrateFiles.js'

const USAGE = `Usage: smartpay-migrate [--dry] <paths…>

Rewrites JavaScript and TypeScript that use @smartpay/sdk-node for @smartpay-kit/server-client,
in place. Folders are walked (node_modules and build output skipped). Offline: nothing is sent.

  --dry    print the changes as a unified diff; write nothing
  --help   this text

Then lists what it could not convert, as file:line: why, and what to check where the behaviour
differs. Install the new package yourself: npm install @smartpay-kit/server-client
`

function main(argv: readonly string[]): number {
  const args = argv.filter((arg) => !arg.startsWith('--'))
  const flags = new Set(argv.filter((arg) => arg.startsWith('--')))
  if (flags.has('--help') || flags.has('-h')) {
    process.stdout.write(USAGE)
    return 0
  }
  const unknown = [...flags].filter((flag) => flag !== '--dry')
  if (unknown.length || args.length === 0) {
    process.stderr.write(
      `${unknown.length ? `Unknown option ${unknown.join(', ')}\n` : ''}${USAGE}`,
    )
    return 2
  }
  const dry = flags.has('--dry')
  let migration: ReturnType<typeof migrateFiles>
  try {
    migration = migrateFiles(args, { write: !dry })
  } catch (error) {
    process.stderr.write(
      `smartpay-migrate: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    return 2
  }
  const out: string[] = []
  if (dry) {
    for (const file of migration.files) {
      if (file.changed)
        out.push(
          createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.before, file.code, '', '', {
            context: 3,
          }).replace(/^=+\n/, ''),
        )
    }
  }
  const todos = migration.files.flatMap((file) =>
    file.todos.map((f) => formatFinding(file.path, f)),
  )
  const notes = migration.files.flatMap((file) =>
    file.notes.map((f) => formatFinding(file.path, f)),
  )
  const errors = migration.files
    .filter((file) => file.error)
    .map((file) => `${file.path}: ${file.error}`)
  if (errors.length) out.push(`Could not read (left as they were):\n${errors.join('\n')}\n`)
  if (todos.length) out.push(`Not converted (${todos.length}):\n${todos.join('\n')}\n`)
  if (notes.length)
    out.push(`Converted; check the behaviour (${notes.length}):\n${notes.join('\n')}\n`)
  const { sites, converted } = migration
  const changed = migration.files.filter((file) => file.changed).length
  const rate = sites ? ` (${Math.floor((converted / sites) * 100)}%)` : ''
  out.push(
    sites === 0
      ? 'smartpay-migrate: no use of @smartpay/sdk-node found.\n'
      : `smartpay-migrate: converted ${converted} of ${sites} official call sites${rate}; ${dry ? 'would change' : 'changed'} ${changed} file${changed === 1 ? '' : 's'}.${converted > 0 && !dry ? ' Next: npm install @smartpay-kit/server-client' : ''}\n`,
  )
  process.stdout.write(out.join('\n'))
  return errors.length ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))
