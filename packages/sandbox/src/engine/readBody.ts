import { jsonReply, type Reply } from '../api/reply.js'

/** The largest request body the sandbox reads, unless `maxBodyBytes` says otherwise: 1 MiB. */
export const MAX_BODY_BYTES = 1_048_576

/** Thrown by a body read once the body passes its limit. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is over ${limit} bytes.`)
  }
}

/** The 413 a body past the limit gets. */
export function tooLargeReply(limit: number): Reply {
  return jsonReply(413, {
    statusCode: 413,
    errorCode: 'request.too-large',
    message: `The request body is over ${limit} bytes; the sandbox reads no more.`,
    details: [],
  })
}

/**
 * A Fetch body as text, read chunk by chunk and never past `limit` bytes: past it, the read is
 * cancelled and {@link BodyTooLarge} thrown, so a 50 MB body costs the sandbox 1 MiB at most.
 */
export async function readBody(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<string> {
  if (!body) return ''
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      throw new BodyTooLarge(limit)
    }
    text += decoder.decode(next.value, { stream: true })
  }
  return text + decoder.decode()
}
