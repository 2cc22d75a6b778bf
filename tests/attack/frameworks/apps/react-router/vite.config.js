import { reactRouter } from '@react-router/dev/vite'
import { smartpayFirewall } from '@smartpay-kit/firewall/vite'

// Built with and without the firewall (ATTACK_FIREWALL).
export default {
  plugins: [reactRouter(), ...(process.env.ATTACK_FIREWALL ? [smartpayFirewall()] : [])],
}
