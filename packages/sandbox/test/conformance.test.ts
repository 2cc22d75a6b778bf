import { describe, expect, it } from 'vitest'
// The clients from source. The sandbox keeps its own implementation on purpose (it exists to
// check them); this file is where the two must agree on the facts they share.
import { PUBLIC_OPERATIONS } from '../../public-client/src/index.js'
import { createServerClient, ID_PREFIXES, parseSecretKey } from '../../server-client/src/index.js'
import { WEBHOOK_EVENT_TYPES } from '../../server-client/src/webhooks/index.js'
import { PUBLIC_OPERATION_NAMES } from '../src/api/auth.js'
import { API_ROUTES } from '../src/api/resources/index.js'
import { EVENT_TYPES } from '../src/domain/events.js'
import { ID_PREFIXES as SANDBOX_ID_PREFIXES } from '../src/domain/ids.js'

describe('sandbox and clients agree on', () => {
  it('the webhook event types', () => {
    expect([...EVENT_TYPES].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort())
  })

  it('the id prefix of every object kind the server client checks', () => {
    const sandbox: Record<string, string> = SANDBOX_ID_PREFIXES
    for (const [kind, prefix] of Object.entries(ID_PREFIXES))
      expect({ kind, prefix: sandbox[kind] }).toEqual({ kind, prefix })
  })

  it('the operations a public key may call, with their method and path', () => {
    expect(PUBLIC_OPERATIONS.map((op) => op.name).sort()).toEqual(
      [...PUBLIC_OPERATION_NAMES].sort(),
    )
    for (const op of PUBLIC_OPERATIONS) {
      const route = API_ROUTES.find((r) => r.operation === op.name)
      expect({ name: op.name, method: route?.method, path: route?.path }).toEqual({
        name: op.name,
        method: op.method,
        path: op.path.replace(/\{(\w+)\}/g, ':$1'),
      })
    }
  })

  it('every operation the sandbox serves is a method of the server client', () => {
    const client = createServerClient({ secretKey: parseSecretKey('sk_test_conformance0') })
    const missing = API_ROUTES.map((r) => r.operation).filter((operation) => {
      const [resource = '', method = ''] = operation.split('.')
      const group = (client as unknown as Record<string, Record<string, unknown>>)[resource]
      return typeof group?.[method] !== 'function'
    })
    expect(missing).toEqual([])
    // 34 operations in smartpay-api.md; order- and token-mode sessions share one route.
    expect(API_ROUTES).toHaveLength(33)
  })
})
