import fc from 'fast-check'
import { fingerprint } from '../../packages/core/src/index.js'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Any key a client may hold: public or secret, test or live, a body of 16 to 40 characters. */
export const anyKey: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('pk', 'sk'),
    fc.constantFrom('test', 'live'),
    // An array of characters, not fc.string: that one also tries words ("property") which
    // the texts around a key may hold, and would read as a leak.
    fc
      .array(fc.constantFrom(...ALNUM), { minLength: 16, maxLength: 40 })
      .map((chars) => chars.join('')),
  )
  .map(([kind, mode, body]) => `${kind}_${mode}_${body}`)

/** Text that cannot run into a key's encoding: no letter a–f, digit, escape or separator. */
export const neutralText: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...'ghijmnoqsuwxyz .,!?'),
  maxLength: 30,
})

/**
 * The forms a server, a proxy or a log pipeline may echo a key in, each a function of the key.
 * Shared by core's property tests (one per form) and the fuzz suite (tests/fuzz), which sends
 * each one back through a real HTTPS server. A form found missing is added here: both grow.
 */
export const KEY_FORMS = {
  raw: (k: string) => k,
  /** `Authorization: Basic` as RFC 7617 has it: base64 of `key:`. */
  basic: (k: string) => base64(`${k}:`),
  base64: (k: string) => base64(k),
  /** Base64 of a longer text the key sits in, at each of base64's three alignments. */
  base64InText: (k: string) => base64(`{"authorization":"Bearer ${k}"}`),
  base64url: (k: string) => base64(k).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
  doubleBase64: (k: string) => base64(base64(`${k}:`)),
  /** Base64 wrapped at 76 characters, as MIME writes it. */
  mimeBase64: (k: string) => base64(`Authorization: Bearer ${k}`).replace(/.{20}(?=.)/g, '$&\r\n'),
  percentAll: (k: string) => [...k].map((c) => `%${hex(c).toUpperCase()}`).join(''),
  percentTwice: (k: string) => [...k].map((c) => `%25${hex(c)}`).join(''),
  underscorePercent: (k: string) => k.replaceAll('_', '%5F'),
  underscorePercentTwice: (k: string) => k.replaceAll('_', '%255F'),
  underscoreJson: (k: string) => k.replaceAll('_', '\\u005f'),
  underscoreJsonInJson: (k: string) => k.replaceAll('_', '\\\\u005F'),
  underscoreJs: (k: string) => k.replaceAll('_', '\\x5f'),
  underscoreIis: (k: string) => k.replaceAll('_', '%u005f'),
  underscoreEntity: (k: string) => k.replaceAll('_', '&#95;'),
  underscoreHexEntity: (k: string) => k.replaceAll('_', '&#x5F;'),
  underscoreNamedEntity: (k: string) => k.replaceAll('_', '&lowbar;'),
  underscoreEntityEscaped: (k: string) => k.replaceAll('_', '&amp;#95;'),
  underscoreQuotedPrintable: (k: string) => k.replaceAll('_', '=5F'),
  jsonAll: (k: string) => [...k].map((c) => `\\u${hex(c).padStart(4, '0')}`).join(''),
  entityAll: (k: string) => [...k].map((c) => `&#${c.charCodeAt(0)};`).join(''),
  upper: (k: string) => k.toUpperCase(),
  mixedCase: (k: string) =>
    [...k].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join(''),
  hex: (k: string) => [...k].map(hex).join(''),
  hexUpper: (k: string) => [...k].map(hex).join('').toUpperCase(),
  hexSpaced: (k: string) => [...k].map(hex).join(' '),
  hexEscaped: (k: string) => [...k].map((c) => `\\x${hex(c)}`).join(''),
  hexOfBase64: (k: string) => [...base64(`${k}:`)].map(hex).join(''),
  reversed: (k: string) => [...k].reverse().join(''),
  reversedUpper: (k: string) => [...k].reverse().join('').toUpperCase(),
  splitNewline: (k: string) => split(k, '\n'),
  splitCrlf: (k: string) => split(k, '\r\n'),
  splitFolded: (k: string) => split(k, '\r\n  '),
  splitEscapedNewline: (k: string) => split(k, '\\n'),
  splitZeroWidth: (k: string) => split(k, '\u200b'),
  splitWordJoiner: (k: string) => split(k, '\u2060'),
  splitSoftHyphen: (k: string) => split(k, '\u00ad'),
  splitBom: (k: string) => split(k, '\ufeff'),
  splitTagChar: (k: string) => split(k, '\u{e0020}'),
  /** A zero-width space's UTF-8 bytes read as Latin-1, as a header value carries it. */
  splitZeroWidthBytes: (k: string) => split(k, '\u00e2\u0080\u008b'),
  splitEscapedZeroWidth: (k: string) => split(k, '\\u200b'),
  splitPercentZeroWidth: (k: string) => split(k, '%E2%80%8B'),
  splitEntityZeroWidth: (k: string) => split(k, '&#8203;'),
  splitTag: (k: string) => split(k, '<wbr>'),
  splitTwice: (k: string) => split(split(k, '\n'), '\u200b', 0.75),
} satisfies Record<string, (key: string) => string>

/** Names of the forms. */
export type KeyForm = keyof typeof KEY_FORMS

function base64(text: string): string {
  return btoa(text)
}

function hex(c: string): string {
  return c.charCodeAt(0).toString(16).padStart(2, '0')
}

/** `key` cut by `by` at a fraction of its body (the middle, by default). */
function split(key: string, by: string, at = 0.5): string {
  const cut = 8 + Math.floor((key.length - 8) * at)
  return key.slice(0, cut) + by + key.slice(cut)
}

/** How many characters in a row of a key's body (or of its encoding) count as a leak. */
const WINDOW = 8

/**
 * Where `text` leaks `key` echoed as `echoed`: a run of WINDOW characters of the key's body
 * (in any case), or of the echoed form that is not the key's public prefix or its fingerprint.
 * Returns the leaked runs (none: no leak). Independent of the redactor: it only compares text.
 * Runs found in `context` (the text the key was put in, or the same form of another key: what
 * does not depend on the key's body) do not count.
 */
export function leaks(text: string, key: string, echoed: string, context = ''): string[] {
  const body = key.slice(8)
  const allowed = `${key.slice(0, 8)} ${fingerprint(key)} ${fingerprint(key).toUpperCase()} ${context}`
  const found = new Set<string>()
  const lower = text.toLowerCase()
  for (let i = 0; i + WINDOW <= body.length; i++) {
    const run = body.slice(i, i + WINDOW)
    if (lower.includes(run.toLowerCase()) && !allowed.toLowerCase().includes(run.toLowerCase())) {
      found.add(run)
    }
  }
  for (let i = 0; i + WINDOW <= echoed.length; i++) {
    const run = echoed.slice(i, i + WINDOW)
    if (!allowed.includes(run) && text.includes(run)) {
      found.add(run)
    }
  }
  return [...found]
}
