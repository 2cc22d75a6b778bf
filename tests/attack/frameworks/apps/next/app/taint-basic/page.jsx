import { createServerClient } from '@smartpay-kit/server-client'
import { Receipt } from '../Receipt'

// The Basic header value made from the key is a string of its own: tainted too.
export const dynamic = 'force-dynamic'

export default function TaintBasic() {
  createServerClient()
  const header = `Basic ${btoa(`${process.env.SMARTPAY_SECRET_KEY}:`)}`
  return <Receipt merchantKey={header} />
}
