import {
  type ApiPromise,
  type CallOptions,
  type PagePromise,
  paginate,
  type Transport,
} from '@smartpay-kit/core'
import {
  collectionSchema,
  type ListParams,
  ListParamsSchema,
  type RetrieveParams,
  RetrieveParamsSchema,
} from '../schemas/collection.js'
import type { WithExpand } from '../schemas/expand.js'
import {
  type CreateOrderParams,
  CreateOrderParamsSchema,
  type Order,
  OrderSchema,
} from '../schemas/order.js'
import { checked, idPath, sameModeId } from './call.js'

const PATH = '/orders'

/** Orders: what a shopper agreed to pay. Created by checkout, or from a token here. */
export function ordersResource(transport: Transport) {
  return {
    /**
     * Creates an order by charging an active payment token (from `createForToken`).
     * Unlike checkout sessions, `amount` and every currency must be given.
     */
    create(params: CreateOrderParams, options?: CallOptions): ApiPromise<Order> {
      return checked(() => {
        sameModeId(transport, params, 'token')
        return transport.request<Order>({
          method: 'POST',
          path: PATH,
          body: params,
          bodySchema: CreateOrderParamsSchema,
          responseSchema: OrderSchema,
          options,
        })
      })
    },

    /**
     * Retrieves an order; `expand: 'all'` returns its line items, payments and discounts in full.
     * @example const order = await smartpay.orders.retrieve(id)
     * if (order.status === 'requires_capture') await smartpay.payments.create({ order: id, amount: order.amount, currency: 'JPY' })
     */
    retrieve<const P extends RetrieveParams | undefined = undefined>(
      id: string,
      params?: P,
      options?: CallOptions,
    ): ApiPromise<WithExpand<Order, P>> {
      return checked(() =>
        transport.request<WithExpand<Order, P>>({
          method: 'GET',
          path: `${PATH}/${idPath(transport, 'order', id)}`,
          query: params,
          querySchema: RetrieveParamsSchema,
          responseSchema: OrderSchema,
          options,
        }),
      )
    },

    /** Lists orders: await one page or `for await` every order. */
    list<const P extends ListParams | undefined = undefined>(
      params?: P,
      options?: CallOptions,
    ): PagePromise<WithExpand<Order, P>> {
      return paginate<WithExpand<Order, P>>(transport, {
        method: 'GET',
        path: PATH,
        query: params ?? {},
        querySchema: ListParamsSchema,
        responseSchema: collectionSchema(OrderSchema),
        options,
      })
    },

    /**
     * Cancels what is left uncaptured of an order (only from `requires_capture`; otherwise a
     * `ConflictError` with code `order.cannot-cancel`).
     */
    cancel(id: string, options?: CallOptions): ApiPromise<Order> {
      return checked(() =>
        transport.request<Order>({
          method: 'PUT',
          path: `${PATH}/${idPath(transport, 'order', id)}/cancellation`,
          responseSchema: OrderSchema,
          options,
        }),
      )
    },
  }
}

/** The `orders` resource of a server client. */
export type OrdersResource = ReturnType<typeof ordersResource>
