import { ValidationError } from '../errors/errors.js'
import { redactKeys } from '../errors/redact.js'

// What every method's path looks like (ids are letters, digits and `_`): nothing in it can
// leave the base URL's path or hide a key but a key written plainly. Anything else is decoded.
const PLAIN = /^(?:\/[0-9A-Za-z_-]+)+\/?$/
const PLAIN_KEY = /[prs]k_(?:test|live)_/i
// A run of percent-escapes (decoded together: they are UTF-8 bytes), and IIS's %u escape.
const ESCAPES = /(?:%[0-9a-f]{2})+/gi
const IIS = /%u([0-9a-f]{4})/gi

/**
 * `path` percent-decoded until it no longer changes (a proxy or a server may decode twice), or
 * `undefined` when escaped bytes are not UTF-8 (an overlong `%c0%ae` is a dot to some servers).
 */
function decoded(path: string): string | undefined {
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  let text = path
  try {
    for (let round = 0; round < 8; round++) {
      const next = text
        .replace(IIS, (_, unit: string) => String.fromCharCode(Number.parseInt(unit, 16)))
        .replace(ESCAPES, (run) =>
          utf8.decode(
            Uint8Array.from(run.slice(1).split('%'), (byte) => Number.parseInt(byte, 16)),
          ),
        )
      if (next === text) return text
      text = next
    }
  } catch {
    return undefined
  }
  return text
}

/**
 * Refuses, before anything is sent, a path that could leave the base URL's path (`/v1`) on the
 * way to the API, however it is written: `..` or `.` segments plain or percent-encoded (once or
 * more: `%2e%2e`, `%252e`), behind an encoded slash (`%2f`) or a backslash (`\`, `%5c`), in
 * full-width dots (`．．`), with a path parameter (`..;x`), split by a tab or a line break (which
 * URL parsers drop), or in bytes that are not UTF-8; a path that does not start with `/`; and
 * one that holds a key. `baseUrl` is the resolved base URL, which the path must stay under.
 */
export function checkPath(method: string, path: string, baseUrl: string): void {
  if (PLAIN.test(path) && !PLAIN_KEY.test(path)) return
  const text = decoded(path.replace(/[\t\n\r]/g, ''))
  const refuse = (problem: string, shown = path): never => {
    throw new ValidationError(
      `Invalid path for ${method} ${JSON.stringify(shown)}: ${problem}. Nothing was sent.`,
      { field: 'path', issues: [{ message: problem, path: ['path'] }], method, path: shown },
    )
  }
  // Shown decoded, so that the error's redaction sees a key however it was escaped.
  if (text !== undefined && redactKeys(text) !== text) refuse('it holds a key', text)
  if (text === undefined) refuse('its percent-encoding is not UTF-8')
  const base = new URL(baseUrl).pathname.replace(/\/$/, '')
  if (
    (text as string)
      .replace(/\\/g, '/')
      .split(/[/?#]/)
      .some((segment) => /^[.\s]+$/.test(segment.normalize('NFKC').replace(/;.*/, ''))) ||
    // And as a URL parser reads it (a path must start with /), whatever the above missed.
    !new URL(baseUrl + path).pathname.startsWith(`${base}/`)
  ) {
    refuse(`it would leave ${base || '/'}: a . or .. segment, however encoded, or no leading /`)
  }
}
