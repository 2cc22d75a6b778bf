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
  type CreatePaymentParams,
  CreatePaymentParamsSchema,
  type Payment,
  PaymentSchema,
  type UpdatePaymentParams,
  UpdatePaymentParamsSchema,
} from '../schemas/payment.js'
import { checked, idPath, sameModeId } from './call.js'

const PATH = '/payments'

/** Payments: captures of authorized orders. */
export function paymentsResource(transport: Transport) {
  function create(params: CreatePaymentParams, options?: CallOptions): ApiPromise<Payment> {
    return checked(() => {
      sameModeId(transport, params, 'order')
      return transport.request<Payment>({
        method: 'POST',
        path: PATH,
        body: params,
        bodySchema: CreatePaymentParamsSchema,
        responseSchema: PaymentSchema,
        options,
      })
    })
  }
  return {
    /**
     * Captures (part of) an authorized order. A retry with the same idempotency key never
     * captures twice.
     * @example
     * await smartpay.payments.create({ order: 'order_test_…', amount: 2400, currency: 'JPY' })
     */
    create,
    /** Same as `create`: captures (part of) an authorized order. */
    capture: create,

    /** Retrieves a payment; `expand: 'all'` returns its order and line items in full. */
    retrieve<const P extends RetrieveParams | undefined = undefined>(
      id: string,
      params?: P,
      options?: CallOptions,
    ): ApiPromise<WithExpand<Payment, P>> {
      return checked(() =>
        transport.request<WithExpand<Payment, P>>({
          method: 'GET',
          path: `${PATH}/${idPath(transport, 'payment', id)}`,
          query: params,
          querySchema: RetrieveParamsSchema,
          responseSchema: PaymentSchema,
          options,
        }),
      )
    },

    /** Updates a payment's `reference`, `description` or `metadata`. */
    update(id: string, params: UpdatePaymentParams, options?: CallOptions): ApiPromise<Payment> {
      return checked(() =>
        transport.request<Payment>({
          method: 'PATCH',
          path: `${PATH}/${idPath(transport, 'payment', id)}`,
          body: params,
          bodySchema: UpdatePaymentParamsSchema,
          responseSchema: PaymentSchema,
          options,
        }),
      )
    },

    /** Lists payments: await one page or `for await` every payment. */
    list<const P extends ListParams | undefined = undefined>(
      params?: P,
      options?: CallOptions,
    ): PagePromise<WithExpand<Payment, P>> {
      return paginate<WithExpand<Payment, P>>(transport, {
        method: 'GET',
        path: PATH,
        query: params ?? {},
        querySchema: ListParamsSchema,
        responseSchema: collectionSchema(PaymentSchema),
        options,
      })
    },
  }
}

/** The `payments` resource of a server client. */
export type PaymentsResource = ReturnType<typeof paymentsResource>
