import { InsecureUrlError } from '../errors/errors.js'

/** Where the API lives unless `baseUrl` says otherwise. */
export const DEFAULT_BASE_URL = 'https://api.smartpay.co/v1'

/**
 * Checks and normalises a base URL (no trailing slash). Only `https:` passes, unless
 * `dangerouslyAllowInsecureLoopback` is set and the host is a loopback address.
 */
export function resolveBaseUrl(
  baseUrl: string | undefined,
  dangerouslyAllowInsecureLoopback = false,
): string {
  const refuse = (problem: string): never => {
    throw new InsecureUrlError(`baseUrl ${problem}`)
  }
  let url: URL
  try {
    url = new URL(baseUrl ?? DEFAULT_BASE_URL)
  } catch {
    return refuse('is not an absolute URL; use https://…')
  }
  if (url.username || url.password || url.search || url.hash) {
    refuse('must not carry credentials, a query or a fragment')
  }
  const loopback = /^(localhost|\[::1\]|127\.\d+\.\d+\.\d+)$/.test(url.hostname)
  const http = url.protocol === 'http:'
  if (url.protocol !== 'https:' && !(http && loopback && dangerouslyAllowInsecureLoopback)) {
    refuse(
      `must use https: so the key never travels in plain text (got ${url.protocol}).${http && loopback ? ' For a local mock server only, set dangerouslyAllowInsecureLoopback: true.' : ''}`,
    )
  }
  return url.href.replace(/\/+$/, '')
}
