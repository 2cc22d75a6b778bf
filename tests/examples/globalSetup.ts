import { createHash, X509Certificate } from 'node:crypto'
import { chromium } from 'playwright'
import type { TestProject } from 'vitest/node'
import { startFrameworkInstall } from '../support/frameworkInstall.js'
import { type TestCertificate, testCertificate } from '../support/tls.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The root of the frameworks' install (ready once frameworksReady() says so). */
    frameworksRoot: string
    /** The certificate every example's sandbox serves, so that one Chromium trusts them all. */
    sandboxTls: TestCertificate
    /** Where the shared Chromium listens, for `chromium.connect`. */
    chromiumEndpoint: string
  }
}

// The four example apps share what is slow to start: the frameworks' install (the attack suite's,
// started once per run and shared with it) and one Chromium, which trusts the one certificate
// that each test file's sandbox serves. SMARTPAY_FRAMEWORKS_ROOT names an install to reuse.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reused = process.env.SMARTPAY_FRAMEWORKS_ROOT
  const install = reused ? undefined : startFrameworkInstall()
  project.provide('frameworksRoot', reused ?? install?.root ?? '')

  const tls = await testCertificate()
  project.provide('sandboxTls', tls)
  // With --ignore-certificate-errors-spki-list, Chromium accepts that one public key and still
  // refuses any other bad certificate (unlike --ignore-certificate-errors).
  const spki = new X509Certificate(tls.cert).publicKey.export({ type: 'spki', format: 'der' })
  const browser = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
      `--ignore-certificate-errors-spki-list=${createHash('sha256').update(spki).digest('base64')}`,
    ],
  })
  project.provide('chromiumEndpoint', browser.wsEndpoint())

  return async () => {
    await browser.close()
    await install?.remove()
  }
}
