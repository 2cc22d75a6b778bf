import { smartpayFirewall } from '@smartpay-kit/public-client/vite'
import { defineConfig } from 'vite'

export default defineConfig({ plugins: [smartpayFirewall()], logLevel: 'warn' })
