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
  type CreateRefundParams,
  CreateRefundParamsSchema,
  type Refund,
  RefundSchema,
  type UpdateRefundParams,
  UpdateRefundParamsSchema,
} from '../schemas/refund.js'
import { checked, idPath, sameModeId } from './call.js'

const PATH = '/refunds'

/** Refunds: money returned from a payment. Refunds are final. */
export function refundsResource(transport: Transport) {
  return {
    /**
     * Refunds (part of) a payment; repeat until it is fully refunded.
     * @example
     * await smartpay.refunds.create({ payment: 'payment_test_…', amount: 1200, currency: 'JPY', reason: 'requested_by_customer' })
     */
    create(params: CreateRefundParams, options?: CallOptions): ApiPromise<Refund> {
      return checked(() => {
        sameModeId(transport, params, 'payment')
        return transport.request<Refund>({
          method: 'POST',
          path: PATH,
          body: params,
          bodySchema: CreateRefundParamsSchema,
          responseSchema: RefundSchema,
          options,
        })
      })
    },

    /** Retrieves a refund; `expand: 'all'` returns its payment in full. */
    retrieve<const P extends RetrieveParams | undefined = undefined>(
      id: string,
      params?: P,
      options?: CallOptions,
    ): ApiPromise<WithExpand<Refund, P>> {
      return checked(() =>
        transport.request<WithExpand<Refund, P>>({
          method: 'GET',
          path: `${PATH}/${idPath(transport, 'refund', id)}`,
          query: params,
          querySchema: RetrieveParamsSchema,
          responseSchema: RefundSchema,
          options,
        }),
      )
    },

    /** Updates a refund's `reference`, `description` or `metadata`. */
    update(id: string, params: UpdateRefundParams, options?: CallOptions): ApiPromise<Refund> {
      return checked(() =>
        transport.request<Refund>({
          method: 'PATCH',
          path: `${PATH}/${idPath(transport, 'refund', id)}`,
          body: params,
          bodySchema: UpdateRefundParamsSchema,
          responseSchema: RefundSchema,
          options,
        }),
      )
    },

    /** Lists refunds: await one page or `for await` every refund. */
    list<const P extends ListParams | undefined = undefined>(
      params?: P,
      options?: CallOptions,
    ): PagePromise<WithExpand<Refund, P>> {
      return paginate<WithExpand<Refund, P>>(transport, {
        method: 'GET',
        path: PATH,
        query: params ?? {},
        querySchema: ListParamsSchema,
        responseSchema: collectionSchema(RefundSchema),
        options,
      })
    },
  }
}

/** The `refunds` resource of a server client. */
export type RefundsResource = ReturnType<typeof refundsResource>
