import { SmartpayError } from '@smartpay-kit/core'

/**
 * The server client was started in a shopper's browser (a page or any worker). The secret key it was given is now
 * exposed to anyone who opens the page: roll it in the dashboard.
 */
export class BrowserEnvironmentError extends SmartpayError {
  static override readonly kind: string = 'BrowserEnvironmentError'
}
