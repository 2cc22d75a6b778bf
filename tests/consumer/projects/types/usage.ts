// What a TypeScript consumer writes, type-checked against the installed tarballs' .d.ts files
// (strict, skipLibCheck false) by each TypeScript version and module setting.
import { createPublicClient, parsePublicKey } from '@smartpay-kit/public-client'
import {
  type CheckoutSession,
  type CreateCheckoutSessionParams,
  createServerClient,
  isSmartpayError,
  NotFoundError,
  type Order,
  parseSecretKey,
} from '@smartpay-kit/server-client'
import { verifyWebhook } from '@smartpay-kit/server-client/webhooks'

declare const session: CheckoutSession
export const sessionId: string = session.id

const params: CreateCheckoutSessionParams = {
  items: [{ name: 'Matcha 100g', amount: 1200, currency: 'JPY', quantity: 2 }],
  shippingInfo: {
    address: {
      line1: '1-1-1 Chiyoda',
      locality: 'Chiyoda-ku',
      postalCode: '100-0001',
      country: 'JP',
    },
  },
  customerInfo: { emailAddress: 'hanako@example.com' },
  successUrl: 'https://shop.example/thanks',
  cancelUrl: 'https://shop.example/cart',
}

export async function checkout(env: Record<string, string | undefined>): Promise<string> {
  const smartpay = createServerClient({ secretKey: parseSecretKey(env.SMARTPAY_SECRET_KEY) })
  const created: CheckoutSession = await smartpay.checkoutSessions.create(params)
  return smartpay.checkoutUrl(created, { promotionCode: 'SPRING' })
}

export async function order(id: string): Promise<Order | undefined> {
  const smartpay = createServerClient()
  try {
    return await smartpay.orders.retrieve(id)
  } catch (error) {
    if (error instanceof NotFoundError) return undefined
    if (isSmartpayError(error)) throw new Error(`${error.name}: ${error.message}`)
    throw error
  }
}

export async function orderIds(): Promise<string[]> {
  const smartpay = createServerClient()
  const ids: string[] = []
  for await (const o of smartpay.orders.list({ maxResults: 10 })) ids.push(o.id)
  return ids
}

export async function onWebhook(body: string, headers: Headers, signingSecret: string) {
  const event = await verifyWebhook({ body, headers, signingSecret })
  if (event.type === 'order.authorized') return event.eventData.data.id
  return undefined
}

export async function successPage(key: string, id: string): Promise<string> {
  const smartpay = createPublicClient({ publicKey: parsePublicKey(key) })
  const read = await smartpay.checkoutSessions.retrieve(id)
  return read.id
}
