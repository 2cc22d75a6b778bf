import { withSmartpayFirewall } from '@smartpay-kit/firewall/next'

// Built with and without the firewall (ATTACK_FIREWALL: withSmartpayFirewall and React's taint
// API), and as a static export (ATTACK_EXPORT).
const config = {
  ...(process.env.ATTACK_EXPORT ? { output: 'export' } : {}),
  ...(process.env.ATTACK_FIREWALL ? { experimental: { taint: true } } : {}),
}

export default process.env.ATTACK_FIREWALL ? withSmartpayFirewall(config) : config
