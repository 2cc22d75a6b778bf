import { smartpayFirewall } from '@smartpay-kit/firewall/vite'
import adapter from '@sveltejs/adapter-node'
import { sveltekit } from '@sveltejs/kit/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [
    // adapter-node: `node build` serves the app (PORT, HOST, ORIGIN from the environment).
    sveltekit({ adapter: adapter() }),
    // Fails `vite build` when a secret key is in anything the browser can fetch.
    smartpayFirewall(),
  ],
})
