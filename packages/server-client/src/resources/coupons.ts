import {
  type ApiPromise,
  type CallOptions,
  type PagePromise,
  paginate,
  type Transport,
} from '@smartpay-kit/core'
import { collectionSchema, type PageParams, PageParamsSchema } from '../schemas/collection.js'
import {
  type Coupon,
  CouponSchema,
  type CreateCouponParams,
  CreateCouponParamsSchema,
  type UpdateCouponParams,
  UpdateCouponParamsSchema,
} from '../schemas/coupon.js'
import { checked, idPath } from './call.js'

const PATH = '/coupons'

/** Coupons: discounts that promotion codes hand out to shoppers. */
export function couponsResource(transport: Transport) {
  const at = (id: string) => `${PATH}/${idPath(transport, 'coupon', id)}`
  return {
    /**
     * Creates a coupon: a fixed amount off, or a percentage off.
     * @example
     * await smartpay.coupons.create({ name: 'Spring', discountType: 'percentage', discountPercentage: 10 })
     */
    create(params: CreateCouponParams, options?: CallOptions): ApiPromise<Coupon> {
      return transport.request<Coupon>({
        method: 'POST',
        path: PATH,
        body: params,
        bodySchema: CreateCouponParamsSchema,
        responseSchema: CouponSchema,
        options,
      })
    },

    /** Retrieves a coupon. */
    retrieve(id: string, options?: CallOptions): ApiPromise<Coupon> {
      return checked(() =>
        transport.request<Coupon>({
          method: 'GET',
          path: at(id),
          responseSchema: CouponSchema,
          options,
        }),
      )
    },

    /** Updates a coupon's `active`, `name` or `metadata`. */
    update(id: string, params: UpdateCouponParams, options?: CallOptions): ApiPromise<Coupon> {
      return checked(() =>
        transport.request<Coupon>({
          method: 'PATCH',
          path: at(id),
          body: params,
          bodySchema: UpdateCouponParamsSchema,
          responseSchema: CouponSchema,
          options,
        }),
      )
    },

    /** Lists coupons: await one page or `for await` every coupon. */
    list(params?: PageParams, options?: CallOptions): PagePromise<Coupon> {
      return paginate<Coupon>(transport, {
        method: 'GET',
        path: PATH,
        query: params ?? {},
        querySchema: PageParamsSchema,
        responseSchema: collectionSchema(CouponSchema),
        options,
      })
    },
  }
}

/** The `coupons` resource of a server client. */
export type CouponsResource = ReturnType<typeof couponsResource>
