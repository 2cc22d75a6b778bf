// The pattern that breaks a build without the secret: the key parsed at import.
import { createServerClient, parseSecretKey } from '@smartpay-kit/server-client'

export const smartpay = createServerClient({
  secretKey: parseSecretKey(process.env.SMARTPAY_SECRET_KEY),
})
