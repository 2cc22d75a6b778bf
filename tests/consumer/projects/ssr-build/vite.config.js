import { defineConfig } from 'vite'

// A server build, as SSR frameworks make one: the server entry and what it imports, bundled for
// Node (the `node` condition), the packages from node_modules kept external.
export default defineConfig({
  logLevel: 'warn',
  build: { ssr: 'src/server.js', outDir: 'dist/server', emptyOutDir: true },
})
