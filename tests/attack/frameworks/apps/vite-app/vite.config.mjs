import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { smartpayFirewall } from '@smartpay-kit/firewall/vite'

// An app build (`vite build --app`) whose buildApp builds the client and the server, then
// prerenders the page into the client output: after the client build's own hooks ran.
// No import of 'vite': the suite builds this app with Vite 6, 7 and 8 from one install.
export default {
  plugins: process.env.ATTACK_FIREWALL ? smartpayFirewall() : [],
  environments: {
    client: { build: { outDir: 'dist/client' } },
    ssr: { build: { outDir: 'dist/server', rollupOptions: { input: 'server.js' } } },
  },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.client)
      await builder.build(builder.environments.ssr)
      const root = builder.config.root
      const server = pathToFileURL(join(root, 'dist/server/server.js')).href
      const { render } = await import(server)
      await writeFile(join(root, 'dist/client/index.html'), render())
    },
  },
}
