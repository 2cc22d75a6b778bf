/**
 * A printable stand-in for a key that never reveals it: `sk_test_…1taz`.
 * Short or malformed values show no characters at all.
 */
export function fingerprint(value: unknown): string {
  if (typeof value !== 'string') return `<${value === null ? 'null' : typeof value}>`
  const match = /^((?:pk|sk)_(?:test|live)_)([0-9A-Za-z]+)$/.exec(value)
  if (!match) return `<${value.length}-character string>`
  const [, prefix, body = ''] = match
  return body.length >= 16 ? `${prefix}…${body.slice(-4)}` : `${prefix}…`
}
