import { decodeBase62 } from './base62.js'
import { refuse, WEBHOOK_SECRET_VARIABLE } from './refusals.js'

/** The raw body of a delivery: the exact bytes received, or their text. */
export type WebhookBody = string | Uint8Array | ArrayBuffer

const encoder = new TextEncoder()

/** The body as bytes; a string is encoded as UTF-8, as it went over the wire. */
export function bodyBytes(body: WebhookBody): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body)
  // Not `instanceof`: bytes from another realm (a vm context, a worker) must pass too.
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  if (Object.prototype.toString.call(body) === '[object ArrayBuffer]') return new Uint8Array(body)
  const got = body === null ? 'null' : typeof body
  throw new TypeError(
    `The webhook body must be the raw body as a string, Uint8Array or ArrayBuffer, got ${got}. ` +
      (got === 'object'
        ? 'It looks parsed already: read the raw body instead (express.raw({ type: "application/json" }), ' +
          'await request.text(), or verifyWebhookRequest(request)); a re-serialized body never matches the signature.'
        : 'Pass the request body exactly as received.'),
  )
}

/** The signed message: `<timestamp>.<raw body>`, as bytes. */
export function signedPayload(timestamp: string, body: WebhookBody): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${timestamp}.`)
  const bytes = bodyBytes(body)
  const payload = new Uint8Array(prefix.length + bytes.length)
  payload.set(prefix)
  payload.set(bytes, prefix.length)
  return payload
}

// Importing a key costs about as much as the HMAC itself (~50 µs each on Node 20), and an endpoint
// signs every delivery with the same secret, so keep the last few imports. The promise is stored
// so that concurrent deliveries share one import.
const KEY_CACHE_SIZE = 16
const keyCache = new Map<string, Promise<CryptoKey>>()

/** The HMAC-SHA256 key for a signing secret; throws `malformed-secret` if it is not base62. */
export function signingKey(secret: unknown): Promise<CryptoKey> {
  const cached = typeof secret === 'string' ? keyCache.get(secret) : undefined
  if (cached) return cached
  const raw = decodeSecret(secret)
  const key = crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ])
  const text = secret as string
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value as string)
  keyCache.set(text, key)
  key.catch(() => keyCache.delete(text))
  return key
}

/**
 * The key bytes of a signing secret; throws `malformed-secret`, saying what is wrong, for
 * anything else: checked when a handler is created, so a missing secret fails at start-up.
 */
export function decodeSecret(secret: unknown): Uint8Array<ArrayBuffer> {
  const fail = (problem: string): never => {
    throw refuse('malformed-secret', { problem })
  }
  if (secret === undefined || secret === null || secret === '') {
    return fail(
      `it is ${secret === '' ? 'empty' : String(secret)}. Set ${WEBHOOK_SECRET_VARIABLE} to the webhook ` +
        `endpoint's signingSecret (returned when the endpoint is created; smartpay-sandbox prints one) ` +
        `and pass signingSecret: process.env.${WEBHOOK_SECRET_VARIABLE}`,
    )
  }
  if (typeof secret !== 'string') return fail(`expected a string, got ${typeof secret}`)
  if (secret.trim() !== secret) return fail('it has surrounding whitespace; trim it')
  if (/^(sk|pk)_/.test(secret)) {
    return fail(
      "it looks like an API key. Deliveries are signed with the webhook endpoint's own signingSecret " +
        '(returned when the endpoint is created), not with sk_… or pk_… keys',
    )
  }
  const raw = decodeBase62(secret)
  if (!raw) {
    const at = secret.search(/[^A-Za-z0-9]/)
    return fail(
      `character ${at + 1} of ${secret.length} is outside the base62 alphabet (A–Z, a–z, 0–9); ` +
        "copy the endpoint's signingSecret exactly",
    )
  }
  return raw as Uint8Array<ArrayBuffer>
}

/**
 * HMAC-SHA256 of `message` under the base62-decoded `signingSecret`, as 64 lowercase hex digits.
 * Smartpay signs `<timestamp>.<raw body>`; this signs `message` exactly as given, no prefix.
 */
export async function computeWebhookSignature(
  message: WebhookBody,
  signingSecret: string,
): Promise<string> {
  const key = await signingKey(signingSecret)
  const bytes = bodyBytes(message)
  // Copy: a caller's Uint8Array may view a SharedArrayBuffer, which Web Crypto refuses.
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new Uint8Array(bytes)))
  let hex = ''
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/** The 32 bytes of a 64-digit hex signature, either case; `undefined` for anything else. */
function decodeSignature(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return undefined
  const bytes = new Uint8Array(32)
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return bytes
}

/** Whether `signature` (hex) is the HMAC of `payload` under any of `keys`. */
export async function matchesAnyKey(
  payload: Uint8Array<ArrayBuffer>,
  signature: string,
  keys: readonly Promise<CryptoKey>[],
): Promise<boolean> {
  const expected = decodeSignature(signature)
  // Only the length and the alphabet are checked in JS; both are public, not secret.
  if (!expected) return false
  for (const key of keys) {
    // crypto.subtle.verify recomputes the HMAC and compares all 32 bytes in native code without an
    // early exit (CRYPTO_memcmp in Node, Bun and workerd; ring in Deno). A JS loop could not
    // promise that once a JIT has optimised it.
    if (await crypto.subtle.verify('HMAC', await key, expected, payload)) return true
  }
  return false
}
