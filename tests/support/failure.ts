import { inspect } from 'node:util'
import { expect } from 'vitest'
import { isSmartpayError, type SmartpayError } from '../../packages/core/src/index.js'

/** The error a call rejects with; fails the test if it resolves or rejects with anything else. */
export async function failure(promise: PromiseLike<unknown>): Promise<SmartpayError> {
  try {
    await promise
  } catch (error) {
    expect(isSmartpayError(error)).toBe(true)
    return error as SmartpayError
  }
  throw new Error('expected the call to fail')
}

/**
 * Every text a value shows as where logs and tools print it: its JSON, `util.inspect` of it
 * (hidden fields and causes included), `String()` of it and, for an error, its stack.
 */
export function printed(value: unknown): string[] {
  return [
    JSON.stringify(value),
    inspect(value, { depth: 20, showHidden: true }),
    String(value),
    value instanceof Error ? String(value.stack) : '',
  ]
}
