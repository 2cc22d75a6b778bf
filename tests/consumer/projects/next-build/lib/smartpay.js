// The client at module level, as the README shows: SMARTPAY_SECRET_KEY is read now, or at the
// first call when the build has none.
import { createServerClient } from '@smartpay-kit/server-client'

export const smartpay = createServerClient()
