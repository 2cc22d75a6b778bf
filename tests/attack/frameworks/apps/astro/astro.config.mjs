import { smartpayFirewall } from '@smartpay-kit/firewall/astro'

// Built with and without the firewall (ATTACK_FIREWALL).
export default { integrations: process.env.ATTACK_FIREWALL ? [smartpayFirewall()] : [] }
