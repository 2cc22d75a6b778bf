import {
  type ApiPromise,
  type CallOptions,
  type PagePromise,
  paginate,
  type Transport,
} from '@smartpay-kit/core'
import { collectionSchema, type PageParams, PageParamsSchema } from '../schemas/collection.js'
import {
  type CreatePromotionCodeParams,
  CreatePromotionCodeParamsSchema,
  type PromotionCode,
  PromotionCodeSchema,
  type UpdatePromotionCodeParams,
  UpdatePromotionCodeParamsSchema,
} from '../schemas/promotionCode.js'
import { checked, idPath, sameModeId } from './call.js'

const PATH = '/promotion-codes'

/** Promotion codes: the codes shoppers type (or you pass to `checkoutUrl`) to get a coupon. */
export function promotionCodesResource(transport: Transport) {
  const at = (id: string) => `${PATH}/${idPath(transport, 'promotionCode', id)}`
  return {
    /**
     * Creates a promotion code for a coupon (`ConflictError` with code `promotion-code.exists`
     * when the code is taken).
     * @example
     * await smartpay.promotionCodes.create({ code: 'SPRING10', coupon: 'coupon_test_…' })
     */
    create(params: CreatePromotionCodeParams, options?: CallOptions): ApiPromise<PromotionCode> {
      return checked(() => {
        sameModeId(transport, params, 'coupon')
        return transport.request<PromotionCode>({
          method: 'POST',
          path: PATH,
          body: params,
          bodySchema: CreatePromotionCodeParamsSchema,
          responseSchema: PromotionCodeSchema,
          options,
        })
      })
    },

    /** Retrieves a promotion code. */
    retrieve(id: string, options?: CallOptions): ApiPromise<PromotionCode> {
      return checked(() =>
        transport.request<PromotionCode>({
          method: 'GET',
          path: at(id),
          responseSchema: PromotionCodeSchema,
          options,
        }),
      )
    },

    /** Updates a promotion code's `active` or `metadata`. */
    update(
      id: string,
      params: UpdatePromotionCodeParams,
      options?: CallOptions,
    ): ApiPromise<PromotionCode> {
      return checked(() =>
        transport.request<PromotionCode>({
          method: 'PATCH',
          path: at(id),
          body: params,
          bodySchema: UpdatePromotionCodeParamsSchema,
          responseSchema: PromotionCodeSchema,
          options,
        }),
      )
    },

    /** Lists promotion codes: await one page or `for await` every code. */
    list(params?: PageParams, options?: CallOptions): PagePromise<PromotionCode> {
      return paginate<PromotionCode>(transport, {
        method: 'GET',
        path: PATH,
        query: params ?? {},
        querySchema: PageParamsSchema,
        responseSchema: collectionSchema(PromotionCodeSchema),
        options,
      })
    },
  }
}

/** The `promotionCodes` resource of a server client. */
export type PromotionCodesResource = ReturnType<typeof promotionCodesResource>
