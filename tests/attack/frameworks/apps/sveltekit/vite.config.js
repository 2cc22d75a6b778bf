import { smartpayFirewall } from '@smartpay-kit/firewall/vite'
import adapter from '@sveltejs/adapter-static'
import { sveltekit } from '@sveltejs/kit/vite'

// Built with and without the firewall (ATTACK_FIREWALL).
export default {
  plugins: [
    sveltekit({ adapter: adapter() }),
    ...(process.env.ATTACK_FIREWALL ? [smartpayFirewall()] : []),
  ],
}
