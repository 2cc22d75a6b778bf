// Builds the checkout page with Vite into memory, for the merchant server to serve.
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

/**
 * Runs `vite build` with app/vite.config.mjs and keeps the files in memory.
 * @returns {Promise<Map<string, string | Uint8Array>>} URL path (`/index.html`…) → contents
 */
export async function buildPage() {
  const result = await build({
    configFile: fileURLToPath(new URL('./vite.config.mjs', import.meta.url)),
    logLevel: 'warn',
    build: { write: false },
  })
  const outputs = /** @type {import('vite').Rollup.RollupOutput[]} */ ([result].flat())
  const files = new Map()
  for (const file of outputs.flatMap((output) => output.output)) {
    files.set(`/${file.fileName}`, file.type === 'chunk' ? file.code : file.source)
  }
  return files
}
