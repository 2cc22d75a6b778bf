// `run.mjs --interactive`: the same shop, left running for a person to click through.
import { once } from 'node:events'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM } from './browser.mjs'
import { startStack } from './demo.mjs'
import { spkiFingerprint } from './sandbox-trust.mjs'

/** Starts the stack, prints how to reach it, and stops it on Ctrl-C. */
export async function runInteractive() {
  const { sandbox, merchant, stop } = await startStack({
    log: (line) => console.log(`  shop: ${line}`),
  })
  const caFile = join(tmpdir(), `smartpay-sandbox-ca-${sandbox.port}.pem`)
  await writeFile(caFile, sandbox.ca)
  console.log(`The shop is at ${merchant.url}

Its checkout goes to the sandbox's hosted page at ${sandbox.url}, whose certificate comes
from a CA made at start (${caFile}). Your browser will warn about it; either
  • choose "Advanced" → "Proceed to 127.0.0.1" on the hosted checkout page, or
  • import that file as an authority in your browser (a new one is made at every start), or
  • open a throwaway Chromium that trusts this one CA:
      ${CHROMIUM} --user-data-dir="$(mktemp -d)" \\
        --ignore-certificate-errors-spki-list=${spkiFingerprint(sandbox.ca)} ${merchant.url}

Click "Pay later with Smartpay", then "Authorize" (or "Cancel"). The shop's log follows.
Press Ctrl-C to stop.
`)
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')])
  console.log('\nOrders in the sandbox:')
  for (const order of sandbox.objects('order')) console.log(`  ${order.id}: ${order.status}`)
  await stop()
  await rm(caFile, { force: true })
}
