import { Agent } from 'undici'

/**
 * A `fetch` that trusts one extra CA, for talking to a local self-signed HTTPS server.
 * Wraps the global fetch (undici's own rejects the global Request objects ky passes).
 */
export function trustingFetch(ca: string): typeof fetch {
  const dispatcher = new Agent({ connect: { ca } })
  return (input, init) => fetch(input, { ...init, dispatcher } as RequestInit)
}
