// The build's second step, as Next.js's "Collecting page data" and SvelteKit's prerender do:
// import the server build (every module-level statement runs) and render the static pages.
// Usage: node prerender.mjs <server entry> <out file>
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const [entry, out] = process.argv.slice(2)
const routes = await import(pathToFileURL(entry).href)
writeFileSync(out, routes.home.render())
console.log(`prerendered ${out}`)
