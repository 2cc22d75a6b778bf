// The ways a key can be written so that the plain key pattern does not see it, each undone by
// one function. Build time only: none of this reaches a page. A decoder returns the decoded
// texts it found (none when it has nothing to undo); the scanner applies them recursively, so
// layered encodings (a base64 data URL holding JSON holding an escaped key) come apart too.

/** A decoded text, and whether it is a whole value (a string literal, a data URL's payload). */
export interface Decoded {
  text: string
  /**
   * The whole of an encoded value, from its first byte: only such bytes are worth guessing to
   * be a compressed stream without a signature (brotli, raw deflate).
   */
  whole: boolean
}

/** One way of writing text, undone. */
export interface Decoder {
  /** Shown in the build error: how the key was written. */
  name: string
  /**
   * True when the output is bytes rather than a rewritten text: a key there may be glued to
   * whatever precedes it, and only mostly printable output is decoded further.
   */
  binary: boolean
  /** `done`: runs of the same file decoded already (escapes leave most runs as they were). */
  decode(text: string, done: Set<string>): Decoded[]
}

/** Texts that are never whole values. */
const parts = (texts: string[]): Decoded[] => texts.map((text) => ({ text, whole: false }))

/** True when `text[at…at + length]` is a whole value: between quotes, after `base64,`, on a line. */
function isWhole(text: string, at: number, length: number): boolean {
  return /^$|["'`,>\s]/.test(text[at - 1] ?? '') && /^$|["'`=<)\s;]/.test(text[at + length] ?? '')
}

const char = (code: number) => (code <= 0x10ffff ? String.fromCodePoint(code) : '')

/** `\` and a letter; `\` before a line break continues a string on the next line (no character). */
const SINGLE: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  v: '\v',
  '\n': '',
  '\r': '',
  '\r\n': '',
  '\u2028': '',
  '\u2029': '',
}

const ENTITIES: Record<string, string> = {
  lowbar: '_',
  UnderBar: '_',
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  colon: ':',
  sol: '/',
  NewLine: '\n',
  Tab: '\t',
  nbsp: ' ',
}

const ESCAPE =
  /\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|([0-7]{1,3})|(\r\n|[\s\S]))|&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));?|%(?:u([0-9a-fA-F]{4})|([0-9a-fA-F]{2}))/g

function unescapeOne(
  all: string,
  ...[x, braced, u, octal, other, dec, hexRef, named, pu, pct]: (string | undefined)[]
): string {
  const hex = x ?? braced ?? u ?? hexRef ?? pu ?? pct
  if (hex) return char(Number.parseInt(hex, 16))
  if (octal) return char(Number.parseInt(octal, 8))
  if (dec) return char(Number.parseInt(dec, 10))
  if (named) return ENTITIES[named] ?? all
  return SINGLE[other ?? ''] ?? other ?? all
}

/** How far around an escape a key it belongs to may reach (keys are about 30 characters). */
const CONTEXT = 128

/**
 * `text` decoded by `replace` around each match of `pattern` that `replace` changes, as
 * separate windows of CONTEXT characters either side (overlapping ones merged). The rest of
 * the text is unchanged, and the scanner has read it already: a large bundle full of escapes is
 * not copied whole at every layer.
 */
function decodeAround(
  text: string,
  pattern: RegExp,
  replace: (match: string, ...groups: (string | undefined)[]) => string,
): string[] {
  const windows: [number, number][] = []
  for (const match of text.matchAll(pattern)) {
    if (replace(match[0], ...match.slice(1)) === match[0]) continue
    const from = Math.max(0, match.index - CONTEXT)
    const to = match.index + match[0].length + CONTEXT
    const last = windows.at(-1)
    if (last && from <= last[1]) last[1] = to
    else windows.push([from, to])
  }
  return windows.map(([from, to]) =>
    text.slice(from, to).replace(pattern, (match, ...groups) => replace(match, ...groups)),
  )
}

/**
 * Escapes, in one pass: JS and JSON (`\n`, `\x73`, `\u0073`, `\u{73}`, octal, `\/`), HTML
 * character references (`&#115;`, `&#x73;`, `&lowbar;`), percent-encoding (`%73`, and
 * `escape()`'s `%u0073`). Applied again on its own output, it undoes `%2573` or `\\n` too.
 */
const escapes: Decoder = {
  name: 'escaped',
  binary: false,
  decode: (text) => (/[\\&%]/.test(text) ? parts(decodeAround(text, ESCAPE, unescapeOne)) : []),
}

const CSS_ESCAPE = /\\([0-9a-fA-F]{1,6}) ?/g

/** CSS escapes: `\73 k_live_…` (one to six hex digits, then an optional space). */
const cssEscapes: Decoder = {
  name: 'CSS-escaped',
  binary: false,
  decode: (text) =>
    /\\[0-9a-fA-F]/.test(text)
      ? parts(decodeAround(text, CSS_ESCAPE, (_, hex) => char(Number.parseInt(hex ?? '', 16))))
      : [],
}

/** The base64 of `sk_test_` and `sk_live_` at each of the 3 alignments, minus the edges. */
const KEY_PREFIX_BASE64 = ['sk_test_', 'sk_live_'].flatMap((prefix) =>
  ['', 'x', 'xx'].map((pad) => {
    const encoded = Buffer.from(pad + prefix).toString('base64')
    return encoded.slice(pad.length ? 4 : 0, 8)
  }),
)

/**
 * Base64, standard and URL-safe (Node decodes both): every run of 20+ base64 characters (the
 * shortest key is 22 in base64), decoded from each of its first 4 characters, so a key at any
 * of the 3 alignments of a longer encoded text is found whatever precedes the run. Lines
 * wrapped at 40+ characters (MIME, PEM) are joined first. `=` ends a run: padding sits between
 * concatenated encodings. Data URLs, inline source maps and `Basic` credentials are all this.
 * Letters-only runs (identifiers in unminified code) are skipped unless they hold the encoded
 * start of a key.
 */
const base64: Decoder = {
  name: 'base64',
  binary: true,
  decode(text, done) {
    const joined = text.replace(
      /(?<![A-Za-z0-9+/_-])([A-Za-z0-9+/_-]{40,})\r?\n(?=[A-Za-z0-9+/_-])/g,
      '$1',
    )
    return [...joined.matchAll(/(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{20,}/g)].flatMap((match) => {
      const [run] = match
      if (done.has(run)) return []
      done.add(run)
      const identifier = /^[A-Za-z]+$/.test(run)
      if (identifier && !KEY_PREFIX_BASE64.some((core) => run.includes(core))) return []
      const whole = isWhole(joined, match.index, run.length)
      return [0, 1, 2, 3].map((skip) => ({
        text: Buffer.from(run.slice(skip), 'base64').toString('latin1'),
        whole: whole && skip === 0,
      }))
    })
  },
}

/** Hex: runs of 32+ hex digits (the shortest key is 32 in hex), from either nibble. */
const hex: Decoder = {
  name: 'hex',
  binary: true,
  decode: (text, done) =>
    [...text.matchAll(/(?<![0-9a-fA-F])[0-9a-fA-F]{32,}/g)].flatMap((match) => {
      const [run] = match
      if (done.has(`hex:${run}`)) return []
      done.add(`hex:${run}`)
      const whole = isWhole(text, match.index, run.length)
      return [0, 1].map((skip) => ({
        text: Buffer.from(run.slice(skip), 'hex').toString('latin1'),
        whole: whole && skip === 0,
      }))
    }),
}

const CODES = /(?:(?:0x[0-9a-fA-F]{1,4}|\d{1,5})\s*,\s*){15,}(?:0x[0-9a-fA-F]{1,4}|\d{1,5})/g

/** Character codes: `String.fromCharCode(115, 107, 95, …)` or a byte array, 16+ numbers. */
const charCodes: Decoder = {
  name: 'character codes',
  binary: true,
  decode: (text) =>
    [...text.matchAll(CODES)].map(([run]) => ({
      text: run
        .split(',')
        .map((code) => char(Number(code.trim())))
        .join(''),
      whole: true,
    })),
}

/** The decoders the scanner applies at every layer. */
export const DECODERS: readonly Decoder[] = [escapes, cssEscapes, base64, hex, charCodes]

/**
 * Other readings of a file's bytes (read as latin1 first): as UTF-8 with invisible characters
 * removed and compatibility forms (fullwidth `ｓｋ＿`) normalised, and as UTF-16.
 */
export function otherReadings(latin1: string): { name: string; text: string }[] {
  const readings: { name: string; text: string }[] = []
  if (/[\u0080-\u00ff]/.test(latin1)) {
    // Only around the non-ASCII characters: elsewhere UTF-8 reads as latin1 does.
    const utf8 = Buffer.from(latin1, 'latin1').toString('utf8')
    for (const text of decodeAround(utf8, /[^\0-\x7f]+/g, (chars) =>
      chars.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').normalize('NFKC'),
    )) {
      readings.push({ name: 'with invisible or lookalike characters', text })
    }
  }
  if (latin1.includes('\0')) readings.push({ name: 'UTF-16', text: latin1.replace(/\0/g, '') })
  return readings
}
