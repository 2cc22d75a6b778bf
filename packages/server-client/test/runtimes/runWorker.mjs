// Runs a bundled Worker once in workerd (miniflare) and prints its answer. Miniflare reads
// NODE_EXTRA_CA_CERTS when it loads, so a CA to trust must be in this process's environment.
// Usage: node runWorker.mjs <worker script>
import { readFileSync } from 'node:fs'
import { Miniflare } from 'miniflare'

const mf = new Miniflare({
  modules: true,
  script: readFileSync(process.argv[2], 'utf8'),
  compatibilityDate: '2025-09-01',
  bindings: {
    SANDBOX_API_URL: process.env.SANDBOX_API_URL,
    SANDBOX_SECRET_KEY: process.env.SANDBOX_SECRET_KEY,
  },
})
try {
  console.log(await (await mf.dispatchFetch('http://worker.test/')).text())
} finally {
  await mf.dispose()
}
