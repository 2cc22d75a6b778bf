import { createServerClient } from '@smartpay-kit/server-client'
import { Receipt } from '../Receipt'

// Rendered at request time: no build-time scan sees it. The server client taints its key.
export const dynamic = 'force-dynamic'

export default function Taint() {
  createServerClient()
  return <Receipt merchantKey={process.env.SMARTPAY_SECRET_KEY} />
}
