import { readFileSync } from 'node:fs'
import { mergeConfig } from 'vite'
import { libraryConfig } from '../../vite.lib.ts'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

// The version the server transport names in its User-Agent.
export default mergeConfig(libraryConfig({ index: 'src/index.ts', internal: 'src/internal.ts' }), {
  define: { __SMARTPAY_KIT_VERSION__: JSON.stringify(version) },
})
