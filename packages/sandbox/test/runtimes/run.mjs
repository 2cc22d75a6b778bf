// Runs the bundled in-process check once in Deno or Bun and prints its results.
import check from './bundle.js'

const response = await check.fetch()
console.log(`RESULTS ${await response.text()}`)
