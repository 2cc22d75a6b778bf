// A key as a server, a proxy or a log pipeline may write it back. Each character may be itself
// in any case, or percent-encoded (also twice: %255F, and IIS's %u005F), a JS or JSON escape
// (\u005f, \\u005f, \x5f, \u{5f}), an HTML entity (&#95; &#x5F; &lowbar;, also &amp;#95;) or,
// for `_`, quoted-printable (=5F); and between any two characters may sit what splits a key
// without a reader noticing: a line break (a wrapped line, a folded header), a zero-width or
// other invisible character, raw or escaped, or an inline HTML tag.

/** One character as itself or escaped: `hex` and `dec` match its code; `extra`, other forms. */
// @__NO_SIDE_EFFECTS__
function char(literal: string, hex: string, dec: string, extra = ''): string {
  return String.raw`(?:${literal}|%(?:25)*(?:${hex})|(?:\\+|%)u(?:00(?:${hex})|\{0*(?:${hex})\})|\\+x(?:${hex})|&(?:amp;)*#(?:x0*(?:${hex})(?![0-9a-f])|0*(?:${dec})(?!\d));?${extra})`
}

const P = char('[prs]', '7[023]', '11[245]')
const K = char('k', '6b', '107')
const U = char('_', '5f', '95', '|&(?:amp;)*(?:lowbar|underbar);|=5f')
const T = char('t', '74', '116')
const E = char('e', '65', '101')
const S = char('s', '73', '115')
const L = char('l', '6c', '108')
const I = char('i', '69', '105')
const V = char('v', '76', '118')
/** A letter or digit of the key's body. */
const A = char(
  '[0-9a-z]',
  '3[0-9]|4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]',
  '4[89]|5[0-7]|6[5-9]|[78]\\d|90|9[7-9]|1[01]\\d|12[0-2]',
)
/**
 * What may split a key: line breaks, invisible characters (raw, escaped, or their UTF-8 bytes read
 * as Latin-1, as header values are) and inline tags.
 */
const SPLIT =
  '(?:[\\u00ad\\u034f\\u061c\\u115f\\u1160\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\u3164\\ufeff\\uffa0]|\\udb40[\\udc01\\udc20-\\udc7f]|\\u00e2\\u0080[\\u008b-\\u008f\\u00a0-\\u00a4]|\\u00c2\\u00ad|\\u00ef\\u00bb\\u00bf|[\\r\\n]+[\\t ]*|\\\\+[rn]|%(?:25)*(?:0[ad]|c2%(?:25)*ad|e2%(?:25)*80%(?:25)*(?:8[b-f]|a[0-4])|ef%(?:25)*bb%(?:25)*bf)|(?:\\\\+|%)u(?:00(?:0[ad]|ad)|200[b-f]|206[0-4]|feff)|&(?:amp;)*(?:#(?:x0*(?:ad|200[b-f]|206[0-4]|feff|[ad])(?![0-9a-f])|0*(?:1[03]|173|820[3-7]|8288|65279)(?!\\d));?|(?:shy|zerowidthspace|zwj|zwnj|newline);)|<\\/?(?:wbr|br|span|b|i|u|em|strong|mark|code|font|a)\\b[^<>]{0,80}>)*'

const word = (...chars: string[]) => chars.join(SPLIT)

/** The patterns {@link keyPatterns} gives. */
export interface KeyPatterns {
  /** A `k` and an `_` with nothing but splits between, in any form: every key holds one. */
  near: RegExp
  /** An API key (`pk_`, `sk_`, or a Stripe-style restricted `rk_`, test or live), whole. */
  key: RegExp
}

let patterns: KeyPatterns | undefined

/**
 * The key patterns, in any of the forms above. Built on first use (their source is long): a
 * process that never redacts pays nothing for them. `near` is the cheap test to run first.
 */
export function keyPatterns(): KeyPatterns {
  patterns ??= {
    near: new RegExp(word(K, U), 'i'),
    key: new RegExp(
      `${word(P, K, U, `(?:${word(T, E, S, T)}|${word(L, I, V, E)})`, U, A)}(?:${SPLIT}${A})*`,
      'gi',
    ),
  }
  return patterns
}

// Inverse of the forms above, one unit at a time: an escape becomes its character.
const ESCAPE =
  /%(?:25)*([0-9a-f]{2})|(?:\\+|%)u(?:([0-9a-f]{4})|\{([0-9a-f]+)\})|\\+x([0-9a-f]{2})|&(?:amp;)*#(?:x([0-9a-f]+)|(\d+));?|&(?:amp;)*(lowbar|underbar);|=(5f)/gi

/**
 * The key a {@link keyPatterns} match stands for, as `sk_live_BODY` (its prefix in lower case,
 * its body as written): tags removed, escapes decoded, everything else that split it dropped.
 */
export function decodeKey(match: string): string {
  const key = match
    .replace(/<[^<>]*>/g, '')
    .replace(/\\+[rn]/gi, '')
    .replace(ESCAPE, (_, ...codes: (string | undefined)[]) => {
      const [pct, u4, ux, x, hex, dec, named, qp] = codes
      const code = pct ?? u4 ?? ux ?? x ?? hex ?? qp
      if (named) return '_'
      return String.fromCodePoint(code ? Number.parseInt(code, 16) : Number(dec))
    })
    .replace(/[^0-9A-Za-z_]/g, '')
  return key.slice(0, 8).toLowerCase() + key.slice(8)
}
