// Runs the bundled in-process check once in Deno or Bun and prints its results. The test copies
// this file next to the bundle it builds (bundle.js), so the import resolves only there.
const { default: check } = await import(new URL('./bundle.js', import.meta.url).href)

const response = await check.fetch()
console.log(`RESULTS ${await response.text()}`)
