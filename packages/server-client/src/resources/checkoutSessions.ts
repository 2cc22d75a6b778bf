import {
  ApiPromise,
  type CallOptions,
  checkoutUrl,
  type PagePromise,
  paginate,
  type Transport,
  validateParams,
} from '@smartpay-kit/core'
import { normalizeCheckoutSession } from '../checkout/amount.js'
import {
  type CheckoutSession,
  CheckoutSessionBodySchema,
  CheckoutSessionSchema,
  type CreateCheckoutSessionParams,
  CreateCheckoutSessionParamsSchema,
  type CreatedCheckoutSession,
  CreatedCheckoutSessionSchema,
  type CreatedTokenCheckoutSession,
  CreatedTokenCheckoutSessionSchema,
  type CreateTokenCheckoutSessionParams,
  CreateTokenCheckoutSessionParamsSchema,
} from '../schemas/checkoutSession.js'
import {
  collectionSchema,
  type ListParams,
  ListParamsSchema,
  type RetrieveParams,
  RetrieveParamsSchema,
} from '../schemas/collection.js'
import type { WithExpand } from '../schemas/expand.js'
import { checked, idPath } from './call.js'

const PATH = '/checkout-sessions'

/** Checkout sessions: the hosted page where a shopper authorizes an order or a token. */
export function checkoutSessionsResource(transport: Transport) {
  return {
    /**
     * Creates a checkout session for a one-off order; the returned session has the order expanded.
     * `amount`, `currency` and item currencies may be left out and are then computed from the
     * items and the shipping fee (discount items subtract, tax items add, `quantity` counts).
     * @example
     * const session = await smartpay.checkoutSessions.create({
     *   items: [{ name: 'Matcha', amount: 1200, currency: 'JPY', quantity: 2 }],
     *   shippingInfo: { address: { line1: '1-1 Chiyoda', locality: 'Chiyoda-ku', postalCode: '100-0001', country: 'JP' } },
     *   customerInfo: { emailAddress: 'hanako@example.com' },
     *   successUrl: 'https://shop.example/thanks',
     *   cancelUrl: 'https://shop.example/cart',
     * })
     * redirect(smartpay.checkoutUrl(session))
     */
    create(
      params: CreateCheckoutSessionParams,
      options?: CallOptions,
    ): ApiPromise<CreatedCheckoutSession> {
      return checked(() => {
        const where = { method: 'POST', path: PATH }
        const input = validateParams(CreateCheckoutSessionParamsSchema, params, where)
        const call = transport.request<CreatedCheckoutSession>({
          method: 'POST',
          path: PATH,
          body: normalizeCheckoutSession(input),
          bodySchema: CheckoutSessionBodySchema,
          responseSchema: CreatedCheckoutSessionSchema,
          options,
        })
        const { promotionCode } = input
        if (promotionCode === undefined) return call
        // As the official Node SDK does: the returned url already applies the code.
        const applied = call.withMeta().then((result) => {
          try {
            result.data.url = checkoutUrl(result.data.url, { promotionCode })
          } catch {
            // A url checkoutUrl refuses is left as the API sent it; the session exists.
          }
          return result
        })
        return new ApiPromise(applied)
      })
    },

    /**
     * Creates a checkout session that registers a reusable payment token (`mode: 'token'`,
     * filled in for you); charge the token later with `orders.create`.
     */
    createForToken(
      params: CreateTokenCheckoutSessionParams,
      options?: CallOptions,
    ): ApiPromise<CreatedTokenCheckoutSession> {
      return transport.request<CreatedTokenCheckoutSession>({
        method: 'POST',
        path: PATH,
        body: params,
        bodySchema: CreateTokenCheckoutSessionParamsSchema,
        responseSchema: CreatedTokenCheckoutSessionSchema,
        options,
      })
    },

    /**
     * Retrieves a checkout session; `expand: 'all'` returns its order or token in full (and
     * types them so); without it they are ids.
     * @example await smartpay.checkoutSessions.retrieve('checkout_test_…', { expand: 'all' })
     */
    retrieve<const P extends RetrieveParams | undefined = undefined>(
      id: string,
      params?: P,
      options?: CallOptions,
    ): ApiPromise<WithExpand<CheckoutSession, P>> {
      return checked(() =>
        transport.request<WithExpand<CheckoutSession, P>>({
          method: 'GET',
          path: `${PATH}/${idPath(transport, 'checkoutSession', id)}`,
          query: params,
          querySchema: RetrieveParamsSchema,
          responseSchema: CheckoutSessionSchema,
          options,
        }),
      )
    },

    /** Lists checkout sessions: await one page or `for await` every session. */
    list<const P extends ListParams | undefined = undefined>(
      params?: P,
      options?: CallOptions,
    ): PagePromise<WithExpand<CheckoutSession, P>> {
      return paginate<WithExpand<CheckoutSession, P>>(transport, {
        method: 'GET',
        path: PATH,
        query: params ?? {},
        querySchema: ListParamsSchema,
        responseSchema: collectionSchema(CheckoutSessionSchema),
        options,
      })
    },
  }
}

/** The `checkoutSessions` resource of a server client. */
export type CheckoutSessionsResource = ReturnType<typeof checkoutSessionsResource>
