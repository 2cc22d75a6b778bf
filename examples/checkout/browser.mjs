// Real Chromium for the shopper, driven by Playwright. Debian's Chromium, never a download.
import { chromium } from 'playwright'
import { spkiFingerprint } from './sandbox-trust.mjs'

/** Where Chromium is; `CHROMIUM_PATH` overrides (as for scripts/ensure-chromium.mjs). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Launches Chromium trusting the sandbox's certificate, and only it: with
 * `--ignore-certificate-errors-spki-list` Chromium accepts that one public key, while any other
 * bad certificate still fails (unlike `--ignore-certificate-errors`).
 * @param {{ ca: string, headless?: boolean }} options `ca`: the sandbox's PEM certificate
 */
export function launchChromium({ ca, headless = true }) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: [
      ...ARGS,
      ...(headless ? ['--headless'] : []),
      `--ignore-certificate-errors-spki-list=${spkiFingerprint(ca)}`,
    ],
  })
}
