import { jsonReply, type Reply } from '../../api/reply.js'

/** A fresh control token: `sbx_` and 32 base62 characters (190 bits) from Web Crypto. */
export function newControlToken(): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  // 248 is the largest multiple of 62 below 256: bytes past it are skipped, so no bias.
  let token = 'sbx_'
  while (token.length < 36) {
    for (const byte of crypto.getRandomValues(new Uint8Array(48))) {
      if (byte < 248 && token.length < 36) token += alphabet[byte % 62]
    }
  }
  return token
}

/** Compares in time that does not depend on where the strings first differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

const refuse = (status: number, errorCode: string, message: string) =>
  jsonReply(status, { statusCode: status, errorCode, message, details: [] })

/**
 * Why a `/__sandbox` request may not drive the sandbox, or `undefined` when it may. It must
 * carry `Authorization: Bearer <token>` (the token the sandbox printed at start), and a body
 * only as JSON: neither is possible in a simple cross-origin request, so a web page the
 * developer visits cannot reset the sandbox or inject faults (its preflight gets no CORS
 * answer). `GET /__sandbox/ca.pem`, the public certificate, needs no token.
 */
export function guardControl(
  token: string,
  request: { method: string; url: URL; headers: { get(name: string): string | null }; raw: string },
): Reply | undefined {
  const { method, url, headers, raw } = request
  if (method === 'GET' && url.pathname === '/__sandbox/ca.pem') return undefined
  const given = /^Bearer (\S+)$/i.exec(headers.get('authorization') ?? '')?.[1] ?? ''
  if (!sameText(given, token)) {
    return refuse(
      401,
      'sandbox.token-required',
      'The sandbox controls need the token it printed at start (sandbox.controlToken): send Authorization: Bearer <token>.',
    )
  }
  if (raw !== '' && !/^application\/json\s*(;|$)/i.test(headers.get('content-type') ?? '')) {
    return refuse(415, 'request.unsupported-media-type', 'Send the body as application/json.')
  }
  return undefined
}
