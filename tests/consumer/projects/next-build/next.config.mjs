import { fileURLToPath } from 'node:url'

// The app is its own root: its node_modules has Next.js and the packed tarballs.
export default { turbopack: { root: fileURLToPath(new URL('.', import.meta.url)) } }
