import { withSmartpayFirewall } from '@smartpay-kit/firewall/next'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // React's taint API: a page that would hand the secret key to a client component fails.
  experimental: { taint: true },
}

// Fails `next build` when a secret key is in anything the browser can fetch.
export default withSmartpayFirewall(nextConfig)
