// The checkout page's build. smartpayFirewall() fails the build if a secret key, or the
// server client that needs one, could reach the browser.
import { fileURLToPath } from 'node:url'
import { smartpayFirewall } from '@smartpay-kit/firewall/vite'
import { defineConfig } from 'vite'

const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('.'),
  plugins: [smartpayFirewall()],
  build: {
    rolldownOptions: { input: [here('index.html'), here('success.html')] },
  },
})
