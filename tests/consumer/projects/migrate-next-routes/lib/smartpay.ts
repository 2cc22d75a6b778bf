// One client for every route, as the official README sets it up. Its published types declare
// only the base class, so route code reaches the methods through `any`.
import Smartpay from '@smartpay/sdk-node'

export const smartpay: any = new Smartpay(process.env.SMARTPAY_SECRET_KEY!, {
  apiPrefix: process.env.SMARTPAY_API_PREFIX,
})
