import type { Transport } from '@smartpay-kit/core'
import type { CreatePaymentParams, Payment, UpdatePaymentParams } from '../schemas/payment.js'
import type { Create, List, Retrieve, Update } from './methods.js'
import { resource } from './operation.js'
import { PAYMENT_OPERATIONS } from './operations.js'

/** The `payments` resource of a server client. */
export interface PaymentsResource {
  /**
   * Captures (part of) an authorized order. A retry with the same idempotency key never
   * captures twice.
   * @example
   * await smartpay.payments.create({ order: 'order_test_…', amount: 2400, currency: 'JPY' })
   */
  create: Create<CreatePaymentParams, Payment>
  /** Same as `create`: captures (part of) an authorized order. */
  capture: Create<CreatePaymentParams, Payment>
  /** Retrieves a payment; `expand: 'all'` returns its order and line items in full. */
  retrieve: Retrieve<Payment>
  /** Updates a payment's `reference`, `description` or `metadata`. */
  update: Update<UpdatePaymentParams, Payment>
  /** Lists payments: await one page or `for await` every payment. */
  list: List<Payment>
}

/** Payments: captures of authorized orders. */
export function paymentsResource(transport: Transport): PaymentsResource {
  const payments = resource<Omit<PaymentsResource, 'capture'>>(transport, PAYMENT_OPERATIONS)
  return { ...payments, capture: payments.create }
}
