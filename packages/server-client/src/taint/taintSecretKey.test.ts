import { parseSecretKey } from '@smartpay-kit/core'
import { authorizationHeader } from '@smartpay-kit/core/internal'
import { describe, expect, it } from 'vitest'
import { type TaintApi, taintMessage, taintSecretKey } from './taintSecretKey.js'

// React's taint API itself is exercised in a real Next.js app (tests/attack/frameworks): here,
// what is handed to it, recorded by a stand-in with the same two functions.

/** A stand-in for React's experimental build: records what it was asked to taint. */
function recordingReact() {
  const values: { message: string; lifetime: object; value: string }[] = []
  const objects: { message: string; object: object }[] = []
  const react: TaintApi = {
    experimental_taintUniqueValue: (message, lifetime, value) => {
      values.push({ message, lifetime, value })
    },
    experimental_taintObjectReference: (message, object) => {
      objects.push({ message, object })
    },
  }
  return { react, values, objects }
}

describe('taintSecretKey', () => {
  it('taints the key, its Basic and its Bearer header values, and the client, for the process', () => {
    const key = parseSecretKey('sk_test_TaintTheKeyAndItsHeaders1')
    const client = {}
    const { react, values, objects } = recordingReact()
    taintSecretKey(react, key, client)
    expect(values.map(({ value }) => value)).toEqual([
      key,
      authorizationHeader(key, 'basic'),
      authorizationHeader(key, 'bearer'),
    ])
    expect(values.every(({ lifetime }) => lifetime === globalThis)).toBe(true)
    expect(objects).toEqual([{ message: taintMessage(key), object: client }])
  })

  it("says what happened and what to do, with the key's fingerprint, never the key", () => {
    const key = parseSecretKey('sk_live_NeverInTheTaintMessage99')
    const message = taintMessage(key)
    expect(message).toContain('sk_live_…ge99')
    expect(message).toContain('Client Component')
    expect(message).toContain('https://dashboard.smartpay.co/settings/credentials')
    expect(message).not.toContain('NeverInTheTaintMessage')
  })

  it('taints each key once, however many clients are made with it', () => {
    const key = parseSecretKey('sk_test_OneClientPerRequest00001')
    const { react, values, objects } = recordingReact()
    for (let each = 0; each < 3; each++) taintSecretKey(react, key, {})
    expect(values).toHaveLength(3)
    expect(objects).toHaveLength(3)
  })

  it('a client made before its key is known (read at its first call): the client alone, with no fingerprint', () => {
    const client = {}
    const { react, values, objects } = recordingReact()
    taintSecretKey(react, undefined, client)
    expect(values).toEqual([])
    expect(objects).toEqual([{ message: taintMessage(undefined), object: client }])
    expect(taintMessage(undefined)).toMatch(/^\[smartpay-kit\] A Smartpay secret key, or a client/)
  })

  it('does nothing where React has no taint API (its stable builds)', () => {
    const key = parseSecretKey('sk_test_StableReactHasNoTaint0001')
    expect(() => taintSecretKey({}, key, {})).not.toThrow()
  })

  it('carries on when the taint API throws, and tries again with the next client', () => {
    const key = parseSecretKey('sk_test_TaintSwitchedOffThrows001')
    const throwing: TaintApi = {
      experimental_taintUniqueValue: () => {
        throw new Error('Taint is not enabled')
      },
    }
    expect(() => taintSecretKey(throwing, key, {})).not.toThrow()
    const { react, values } = recordingReact()
    taintSecretKey(react, key, {})
    expect(values).toHaveLength(3)
  })
})
