// Format characters (soft hyphen, zero-width and bidi marks, word joiners, U+FEFF) and the
// quotes a key keeps when copied with its .env line. Whitespace inside stays: it separates words.
const NOISE = /[\p{Cf}"'`]/gu

/**
 * A key as the API would read it, were it typed cleanly: NFKC (fullwidth and mathematical
 * letters, the Kelvin sign), invisible characters and quotes removed, trimmed, lower case,
 * lookalike letters made Latin.
 */
export function normalizeKey(value: string): string {
  return (
    value
      .normalize('NFKC')
      .replace(NOISE, '')
      .trim()
      .toLowerCase()
      // Letters NFKC leaves alone that pass for s or k: Cyrillic ѕ and к, Greek κ, Latin kra.
      .replace(/ѕ/g, 's')
      .replace(/[кκĸ]/g, 'k')
  )
}

/**
 * True when `value` holds a secret key (`sk_`, or a Stripe-style restricted `rk_` key) once
 * normalised: `SK_…`, `\u200Bsk_…`, `"sk_…"`, `ｓｋ_…`, `ѕk_…`, or one inside a URL.
 */
export function holdsSecretKey(value: unknown): boolean {
  return typeof value === 'string' && /(?:^|[^0-9a-z])[rs]k_/.test(normalizeKey(value))
}
