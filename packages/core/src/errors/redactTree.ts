import type { ApiKey } from '../keys/keys.js'
import { withKnownKey } from './knownKey.js'
import type { Redaction, Redactor } from './redact.js'
import { redactKeysDeep } from './redactDeep.js'
import { redactHeaders } from './redactValue.js'

// What has been copied so far: a cycle leads back to the copy.
type Seen = WeakMap<object, unknown>

function walk(value: unknown, redact: Redactor, seen: Seen): unknown {
  if (typeof value === 'string') return redact(value)
  if (typeof value !== 'object' || value === null) return value
  if (seen.has(value)) return seen.get(value)
  // By tag, not instanceof: a custom fetch may bring its own Headers class.
  if (Object.prototype.toString.call(value) === '[object Headers]') {
    return redactHeaders(value as Headers, redact)
  }
  const list = Array.isArray(value)
  const copy: object = list ? [] : Object.create(Object.getPrototypeOf(value))
  seen.set(value, copy)
  let changed = false
  for (const name of list ? Object.keys(value) : Reflect.ownKeys(value)) {
    // Read, not copied as a descriptor: V8's `stack` is an accessor.
    const field = (value as Record<PropertyKey, unknown>)[name]
    const safe = walk(field, redact, seen)
    const shown = typeof name === 'string' ? redact(name) : name
    changed ||= safe !== field || shown !== name
    const enumerable = Object.getOwnPropertyDescriptor(value, name)?.enumerable ?? true
    Object.defineProperty(copy, shown, {
      value: safe,
      writable: true,
      configurable: true,
      enumerable,
    })
  }
  seen.set(value, changed ? copy : value)
  return changed ? copy : value
}

/**
 * `value` with every key in it redacted by `redact`, walked to any depth: a string; `Headers`;
 * an error (its message, `stack`, every field, its cause chain) or any other object, names and
 * values, as a copy of its class. The same value when nothing in it holds a key, else a copy.
 */
export function redactTree<T>(value: T, redact: Redactor): T {
  return walk(value, redact, new WeakMap()) as T
}

/**
 * The server transport's {@link Redaction}: every form `redactKeysDeep` reads, and any part of
 * the client's own `key` left after it; values walked whole, cause chains included.
 */
export function deepRedaction(key: ApiKey): Redaction {
  const text = withKnownKey(redactKeysDeep, key)
  return { text, value: (value) => redactTree(value, text) }
}
