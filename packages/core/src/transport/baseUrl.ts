import { InsecureUrlError } from '../errors/errors.js'

/** Where the API lives unless `baseUrl` says otherwise. */
export const DEFAULT_BASE_URL = 'https://api.smartpay.co/v1'

/**
 * Checks and normalises a base URL (no trailing slash). Only `https:` passes, unless
 * `dangerouslyAllowInsecureLoopback` is set and the host is a loopback address. A host that
 * changes when the URL is parsed (IDNA, full-width or ideographic dots, percent-escapes, a
 * shortened IPv4 address, a tab or line break in it) is refused, naming the host it became:
 * `https://api.smartpay.co。evil.test` would reach `api.smartpay.co.evil.test`. So is a host
 * that ends in a dot, which names another site than the one without it to TLS and cookies, and
 * one not written right after `scheme://` (backslashes, one slash).
 */
export function resolveBaseUrl(
  baseUrl: string | undefined,
  dangerouslyAllowInsecureLoopback = false,
): string {
  const refuse = (problem: string): never => {
    throw new InsecureUrlError(`baseUrl ${problem}`)
  }
  // The parser strips what surrounds the URL (C0 controls, spaces), as `trim` does.
  const given = (baseUrl ?? DEFAULT_BASE_URL).trim()
  let url: URL
  try {
    url = new URL(given)
  } catch {
    return refuse('is not an absolute URL; use https://…')
  }
  if (url.username || url.password || url.search || url.hash) {
    refuse('must not carry credentials, a query or a fragment')
  }
  // The host as written must be the parsed one, followed by a port, the path or nothing.
  const host = url.hostname
  const written = given.toLowerCase().slice(url.protocol.length + 2)
  if (!written.startsWith(host) || /^[^:/]/.test(written.slice(host.length)) || /\.$/.test(host)) {
    refuse(`host becomes ${JSON.stringify(host)} once parsed: write it in ASCII, with no final dot`)
  }
  const loopback = /^(localhost|\[::1\]|127\.\d+\.\d+\.\d+)$/.test(host)
  const http = url.protocol === 'http:'
  if (url.protocol !== 'https:' && !(http && loopback && dangerouslyAllowInsecureLoopback)) {
    refuse(
      `must use https: so the key never travels in plain text (got ${url.protocol}).${http && loopback ? ' For a local mock server only, set dangerouslyAllowInsecureLoopback: true.' : ''}`,
    )
  }
  return url.href.replace(/\/+$/, '')
}
