import { describe, expect, it } from 'vitest'
import * as mod from './index.js'

describe('the package entry', () => {
  it('exports exactly these names (any API change shows up here in review)', () => {
    expect(Object.keys(mod).sort()).toEqual([
      'AbortError',
      'AddressTypeSchema',
      'ApiServerError',
      'AuthenticationError',
      'BadRequestError',
      'BrowserEnvironmentError',
      'CancelRemainderSchema',
      'CaptureMethodSchema',
      'CheckoutSessionSchema',
      'ConflictError',
      'ConnectionError',
      'CouponSchema',
      'CreateCheckoutSessionParamsSchema',
      'CreateCouponParamsSchema',
      'CreateOrderParamsSchema',
      'CreatePaymentParamsSchema',
      'CreatePromotionCodeParamsSchema',
      'CreateRefundParamsSchema',
      'CreateTokenCheckoutSessionParamsSchema',
      'CreateWebhookEndpointParamsSchema',
      'CreatedCheckoutSessionSchema',
      'CreatedTokenCheckoutSessionSchema',
      'CreatedWebhookEndpointSchema',
      'CurrencySchema',
      'DiscountSchema',
      'DiscountTypeSchema',
      'EventTypeSchema',
      'ExpandSchema',
      'ID_PREFIXES',
      'InsecureUrlError',
      'InvalidKeyError',
      'LineItemKindSchema',
      'LineItemSchema',
      'LocaleSchema',
      'NotFoundError',
      'OrderSchema',
      'OrderStatusSchema',
      'PaymentSchema',
      'PaymentStatusSchema',
      'PermissionDeniedError',
      'PromotionCodeSchema',
      'RateLimitError',
      'RedirectError',
      'RefundReasonSchema',
      'RefundSchema',
      'RefundStatusSchema',
      'SmartpayError',
      'TRACING_CHANNEL',
      'TimeoutError',
      'TokenSchema',
      'TokenStatusSchema',
      'UnexpectedResponseError',
      'UpdateCouponParamsSchema',
      'UpdatePaymentParamsSchema',
      'UpdatePromotionCodeParamsSchema',
      'UpdateRefundParamsSchema',
      'UpdateWebhookEndpointParamsSchema',
      'ValidationError',
      'WebhookEndpointSchema',
      'checkoutSessionsResource',
      'checkoutUrl',
      'couponsResource',
      'createServerClient',
      'createServerTransport',
      'fingerprint',
      'isSmartpayError',
      'isValidId',
      'keyMode',
      'normalizeCheckoutSession',
      'ordersResource',
      'parseSecretKey',
      'paymentsResource',
      'promotionCodesResource',
      'refundsResource',
      'tokensResource',
      'webhookEndpointsResource',
    ])
  })

  it('re-exports the error classes of core, so instanceof works with either import', async () => {
    const core = await import('@smartpay-kit/core')
    expect(mod.SmartpayError).toBe(core.SmartpayError)
    expect(mod.ValidationError).toBe(core.ValidationError)
    expect(new mod.BrowserEnvironmentError('x')).toBeInstanceOf(core.SmartpayError)
  })

  it('lists enum values on the schemas', () => {
    expect(mod.OrderStatusSchema.options).toContain('requires_capture')
    expect(mod.TokenStatusSchema.options).toEqual([
      'requires_authorization',
      'active',
      'rejected',
      'disabled',
      'deleted',
    ])
    expect(mod.CaptureMethodSchema.options).toEqual(['automatic', 'manual'])
  })

  it('builds a client from the resource factories alone', async () => {
    const transport = mod.createServerTransport({ secretKey: 'sk_test_abc' })
    const orders = mod.ordersResource(transport)
    await expect(orders.retrieve('order_live_abc')).rejects.toBeInstanceOf(mod.ValidationError)
  })
})
