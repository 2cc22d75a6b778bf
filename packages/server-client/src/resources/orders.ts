import type { Transport } from '@smartpay-kit/core'
import type { CreateOrderParams, Order } from '../schemas/order.js'
import type { Create, List, OnId, Retrieve } from './methods.js'
import { resource } from './operation.js'
import { ORDER_OPERATIONS } from './operations.js'

/** The `orders` resource of a server client. */
export interface OrdersResource {
  /**
   * Creates an order by charging an active payment token (from `createForToken`).
   * Unlike checkout sessions, `amount` and every currency must be given.
   */
  create: Create<CreateOrderParams, Order>
  /**
   * Retrieves an order; `expand: 'all'` returns its line items, payments and discounts in full.
   * @example const order = await smartpay.orders.retrieve(id)
   * if (order.status === 'requires_capture') await smartpay.payments.create({ order: id, amount: order.amount, currency: 'JPY' })
   */
  retrieve: Retrieve<Order>
  /** Lists orders: await one page or `for await` every order. */
  list: List<Order>
  /**
   * Cancels what is left uncaptured of an order (only from `requires_capture`; otherwise a
   * `ConflictError` with code `order.cannot-cancel`).
   */
  cancel: OnId<Order>
}

/** Orders: what a shopper agreed to pay. Created by checkout, or from a token here. */
export function ordersResource(transport: Transport): OrdersResource {
  return resource(transport, ORDER_OPERATIONS)
}
