import { resolveOptions, type VerifyWebhookRequestOptions } from './options.js'
import { refuse } from './refusals.js'
import type { VerifiedWebhookEvent } from './understand.js'
import { verifyDelivery } from './verify.js'

/**
 * {@link verifyWebhook} for a Web `Request` (Next.js route handlers, Hono, Workers, Deno, Bun):
 * reads the raw body itself, so it cannot be parsed first by mistake, and stops reading at
 * `maxBodyBytes`.
 * @example
 * export async function POST(request: Request) {
 *   const event = await verifyWebhookRequest(request, {
 *     signingSecret: process.env.SMARTPAY_WEBHOOK_SECRET,
 *   })
 *   if (event.type === 'payment.created') await recordPayment(event.eventData.data)
 *   return new Response(null, { status: 200 })
 * }
 */
export async function verifyWebhookRequest(
  request: Request,
  options: VerifyWebhookRequestOptions,
): Promise<VerifiedWebhookEvent> {
  const resolved = resolveOptions(options, 'call')
  const body = await readRequestBody(request, resolved.maxBodyBytes)
  return verifyDelivery(resolved, body, request.headers)
}

/**
 * @internal The raw body, refused as `body-too-large` from its `Content-Length` when it declares
 * one, else as soon as the bytes read pass `max`, so a huge body is never held in memory.
 */
export async function readRequestBody(request: Request, max: number): Promise<Uint8Array> {
  if (request.bodyUsed) {
    throw new TypeError(
      'The request body was already read, so its raw bytes are gone. Verify the request ' +
        'before anything reads the body, or pass request.clone().',
    )
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > max) throw refuse('body-too-large', { size: declared, max })
  if (request.body === null) return new Uint8Array(0)
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => {})
      throw refuse('body-too-large', { size: undefined, max })
    }
    chunks.push(value)
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const body = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    body.set(chunk, at)
    at += chunk.byteLength
  }
  return body
}
