import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PUBLIC_OPERATIONS } from '../../public-client/src/index.js'
import { API_ROUTES } from '../../sandbox/src/api/resources/index.js'
import * as api from '../src/index.js'
import type { Operation } from '../src/resources/operation.js'
import { SERVER_OPERATIONS } from '../src/resources/operations.js'

// The server client's operation table against the two other descriptions of the API: the
// public client's operations and the sandbox's routes (each its own, on purpose). And the
// wire-format reference in the README, generated from the table.

const table = Object.entries(SERVER_OPERATIONS).flatMap(([resource, ops]) =>
  Object.entries(ops as Record<string, Operation>).map(([method, op]) => ({
    name: `${resource}.${method}`,
    ...op,
  })),
)
/** A path template with every `{kind}` as one placeholder, as each description writes it. */
const shape = (path: string) => path.replace(/\{\w+\}|:\w+/g, '{id}')

describe('the server table, the public operations and the sandbox routes', () => {
  it('list the 34 operations', () => {
    expect(table).toHaveLength(34)
  })

  it('agree on every route the sandbox serves (order and token sessions share one)', () => {
    const served = table.filter((op) => op.name !== 'checkoutSessions.createForToken')
    const server = served.map((op) => `${op.name} ${op.method} ${shape(op.path)}`).sort()
    const sandbox = API_ROUTES.map((r) => `${r.operation} ${r.method} ${shape(r.path)}`).sort()
    expect(server).toEqual(sandbox)
  })

  it('agree on each public operation', () => {
    for (const pub of PUBLIC_OPERATIONS) {
      const op = table.find((entry) => entry.name === pub.name)
      expect(op && `${op.method} ${shape(op.path)}`).toBe(`${pub.method} ${shape(pub.path)}`)
    }
  })
})

// The wire-format reference: one row per operation, from the table.

/**
 * The exported name of a schema, by identity (`OrderSchema` → `Order`); of several names for
 * one schema, the one of `resource` (`UpdateRefundParams` for refunds).
 */
function typeName(schema: unknown, resource: string): string | undefined {
  const names = Object.entries(api)
    .filter(([, value]) => value === schema)
    .map(([name]) => name.replace(/Schema$/, ''))
  const own = resource.replace(/s$/, '').toLowerCase()
  return names.find((name) => name.toLowerCase().includes(own)) ?? names[0]
}

function fields(schema: unknown): string {
  const entries = (schema as { entries?: object } | undefined)?.entries
  return entries
    ? Object.keys(entries)
        .map((key) => `\`${key}\``)
        .join(', ')
    : ''
}

function row(op: (typeof table)[number]): string {
  const resource = op.name.split('.')[0] ?? ''
  const body = op.hooks?.prepare
    ? '`CreateCheckoutSessionParams`, amounts filled in'
    : op.body
      ? `\`${typeName(op.body, resource) ?? '?'}\``
      : ''
  const response = op.response
    ? op.list
      ? `page of \`${typeName(op.response, resource)}\``
      : `\`${typeName(op.response, resource)}\``
    : 'no body'
  const key = op.method === 'GET' ? '' : 'yes'
  const sameMode = (op.sameMode ?? []).map((field) => `\`${field}\``).join(', ')
  const cells = [op.name, op.method, `\`${op.path}\``, body, fields(op.query), response, key]
  return `| ${[...cells, sameMode].join(' | ')} |`
}

/** The reference table as the README holds it. */
function wireReference(): string {
  return [
    '| operation | method | path | body | query | returns | idempotency key | same-mode ids |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...table.map(row),
  ].join('\n')
}

const README = fileURLToPath(new URL('../README.md', import.meta.url))
const START = '<!-- operations:start (generated from src/resources/operations.ts) -->'
const END = '<!-- operations:end -->'

describe('the README’s wire-format reference', () => {
  it('is the one the operation table generates (UPDATE_README=1 rewrites it)', () => {
    const readme = readFileSync(README, 'utf8')
    const at = readme.indexOf(START)
    const end = readme.indexOf(END)
    expect(at, `the README needs the markers ${START} … ${END}`).toBeGreaterThan(-1)
    const current = readme.slice(at + START.length, end).trim()
    const generated = wireReference()
    if (process.env.UPDATE_README && current !== generated) {
      writeFileSync(
        README,
        `${readme.slice(0, at + START.length)}\n${generated}\n${readme.slice(end)}`,
      )
      return
    }
    expect(current).toBe(generated)
  })
})
