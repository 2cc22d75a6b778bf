import { InsecureUrlError } from '../errors/errors.js'

/** Where the API lives unless `baseUrl` says otherwise. */
export const DEFAULT_BASE_URL = 'https://api.smartpay.co/v1'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Checks and normalises a base URL (no trailing slash). Only `https:` passes, unless
 * `dangerouslyAllowInsecureLoopback` is set and the host is a loopback address.
 */
export function resolveBaseUrl(
  baseUrl: string | undefined,
  dangerouslyAllowInsecureLoopback = false,
): string {
  const raw = baseUrl ?? DEFAULT_BASE_URL
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new InsecureUrlError(`baseUrl is not an absolute URL: "${raw}". Use https://…`)
  }
  if (url.username || url.password) {
    throw new InsecureUrlError('baseUrl must not carry credentials; pass the key as an option')
  }
  if (url.search || url.hash) {
    throw new InsecureUrlError('baseUrl must not have a query or a fragment')
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname)
  if (url.protocol !== 'https:') {
    if (!(url.protocol === 'http:' && dangerouslyAllowInsecureLoopback && loopback)) {
      const hint =
        url.protocol === 'http:' && loopback
          ? ' For a local mock server only, set dangerouslyAllowInsecureLoopback: true.'
          : ''
      throw new InsecureUrlError(
        `baseUrl must use https: (got ${url.protocol}//${url.host}); an API key must never travel in plain text.${hint}`,
      )
    }
  }
  return url.href.replace(/\/+$/, '')
}
