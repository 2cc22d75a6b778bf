import { createTransport } from '@smartpay-kit/core'
import { isShopperBrowser } from '@smartpay-kit/core/internal'

// A shopper's worker whose bundle polyfills Node's `process` (webpack's ProvidePlugin, a
// `process` shim), as a page's bundle may.
Object.assign(self, { process: { env: {}, browser: true, versions: { node: '20.0.0' } } })

self.onmessage = () => {
  let transport = 'started'
  try {
    createTransport('sk_live_Ho1BrYTcg3gAX4vTKk1taz', 'basic')
  } catch (error) {
    transport = `${(error as Error).name} ${(error as { rule?: string }).rule}`
  }
  self.postMessage({ shopperBrowser: isShopperBrowser(), transport })
}
