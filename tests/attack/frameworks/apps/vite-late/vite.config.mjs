import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { smartpayFirewall } from '@smartpay-kit/firewall/vite'

// No import of 'vite': the suite builds this app with Vite 6, 7 and 8 from one install.

/**
 * A deploy step's plugin that writes into the output folder from an async closeBundle, after
 * an await: on Rollup-based Vite, closeBundle hooks run in parallel, so it writes after any
 * closeBundle hook that does not wait for the others.
 */
function writesLate() {
  let outDir = ''
  return {
    name: 'writes-late',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir)
    },
    async closeBundle() {
      await new Promise((resolve) => setTimeout(resolve, 50))
      const key = JSON.stringify(process.env.SMARTPAY_SECRET_KEY)
      await writeFile(join(outDir, 'late.js'), `window.merchant = ${key}\n`)
    },
  }
}

// Built with and without the firewall (ATTACK_FIREWALL).
export default {
  plugins: [writesLate(), ...(process.env.ATTACK_FIREWALL ? smartpayFirewall() : [])],
}
