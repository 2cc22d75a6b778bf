import { smartpayFirewall } from '@smartpay-kit/firewall/vite'
import { defineConfig } from 'vite'

export default defineConfig({ plugins: [smartpayFirewall()], logLevel: 'warn' })
