import type { Transport } from '@smartpay-kit/core'
import type { CreateRefundParams, Refund, UpdateRefundParams } from '../schemas/refund.js'
import type { Create, List, Retrieve, Update } from './methods.js'
import { resource } from './operation.js'
import { REFUND_OPERATIONS } from './operations.js'

/** The `refunds` resource of a server client. */
export interface RefundsResource {
  /**
   * Refunds (part of) a payment; repeat until it is fully refunded.
   * @example
   * await smartpay.refunds.create({ payment: 'payment_test_…', amount: 1200, currency: 'JPY', reason: 'requested_by_customer' })
   */
  create: Create<CreateRefundParams, Refund>
  /** Retrieves a refund; `expand: 'all'` returns its payment in full. */
  retrieve: Retrieve<Refund>
  /** Updates a refund's `reference`, `description` or `metadata`. */
  update: Update<UpdateRefundParams, Refund>
  /** Lists refunds: await one page or `for await` every refund. */
  list: List<Refund>
}

/** Refunds: money returned from a payment. Refunds are final. */
export function refundsResource(transport: Transport): RefundsResource {
  return resource(transport, REFUND_OPERATIONS)
}
