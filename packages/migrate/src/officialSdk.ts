// The public surface of @smartpay/sdk-node 0.9.1, as data: what each part becomes in
// @smartpay-kit/server-client. The codemod, MIGRATING.md's tables and the test that checks this
// list against the installed official SDK all read it.

/** The module the official SDK is imported from. */
export const OFFICIAL_MODULE = '@smartpay/sdk-node'

/** Where the replacements come from. */
export const MODULES = {
  client: '@smartpay-kit/server-client',
  webhooks: '@smartpay-kit/server-client/webhooks',
  node: '@smartpay-kit/server-client/webhooks/node',
} as const

/** Which module a name we import comes from. */
export const IMPORTED_FROM: Readonly<Record<string, keyof typeof MODULES>> = {
  createServerClient: 'client',
  parseSecretKey: 'client',
  checkoutUrl: 'client',
  normalizeCheckoutSession: 'client',
  isValidId: 'client',
  ServerClient: 'client',
  createWebhookHandler: 'webhooks',
  computeWebhookSignature: 'webhooks',
  toNodeHandler: 'node',
}

/**
 * How an instance method's arguments become ours:
 * - `create`: `(payload)` → `(payload, { idempotencyKey })`;
 * - `retrieve`: `({ id, ...query })` → `(id, query)`;
 * - `onId`: `({ id, idempotencyKey })` → `(id, { idempotencyKey })`;
 * - `update`: `({ id, ...fields })` → `(id, fields)`;
 * - `list`: `(params)` → `(params)`.
 */
export type Shape = 'create' | 'retrieve' | 'onId' | 'update' | 'list'

/** One instance method of the official SDK, and what it becomes. */
export interface InstanceMethod {
  resource: string
  method: string
  shape: Shape
  /** `createCheckoutSession`: `mode: 'token'` in the payload picks `createForToken`. */
  tokenByMode?: true
}

const m = (resource: string, method: string, shape: Shape): InstanceMethod => ({
  resource,
  method,
  shape,
})

/** The 37 resource methods of an instance (besides `request` and `setPublicKey`). */
export const INSTANCE_METHODS: Readonly<Record<string, InstanceMethod>> = {
  createCheckoutSession: { ...m('checkoutSessions', 'create', 'create'), tokenByMode: true },
  createFlatCheckoutSession: m('checkoutSessions', 'create', 'create'),
  createTokenCheckoutSession: m('checkoutSessions', 'createForToken', 'create'),
  listCheckoutSessions: m('checkoutSessions', 'list', 'list'),
  getCheckoutSession: m('checkoutSessions', 'retrieve', 'retrieve'),
  createOrder: m('orders', 'create', 'create'),
  getOrder: m('orders', 'retrieve', 'retrieve'),
  cancelOrder: m('orders', 'cancel', 'onId'),
  listOrders: m('orders', 'list', 'list'),
  createPayment: m('payments', 'create', 'create'),
  capture: m('payments', 'capture', 'create'),
  getPayment: m('payments', 'retrieve', 'retrieve'),
  updatePayment: m('payments', 'update', 'update'),
  listPayments: m('payments', 'list', 'list'),
  createRefund: m('refunds', 'create', 'create'),
  refund: m('refunds', 'create', 'create'),
  getRefund: m('refunds', 'retrieve', 'retrieve'),
  updateRefund: m('refunds', 'update', 'update'),
  listRefunds: m('refunds', 'list', 'list'),
  createWebhookEndpoint: m('webhookEndpoints', 'create', 'create'),
  getWebhookEndpoint: m('webhookEndpoints', 'retrieve', 'onId'),
  updateWebhookEndpoint: m('webhookEndpoints', 'update', 'update'),
  deleteWebhookEndpoint: m('webhookEndpoints', 'delete', 'onId'),
  listWebhookEndpoints: m('webhookEndpoints', 'list', 'list'),
  createCoupon: m('coupons', 'create', 'create'),
  getCoupon: m('coupons', 'retrieve', 'onId'),
  updateCoupon: m('coupons', 'update', 'update'),
  listCoupons: m('coupons', 'list', 'list'),
  createPromotionCode: m('promotionCodes', 'create', 'create'),
  getPromotionCode: m('promotionCodes', 'retrieve', 'onId'),
  updatePromotionCode: m('promotionCodes', 'update', 'update'),
  listPromotionCodes: m('promotionCodes', 'list', 'list'),
  getToken: m('tokens', 'retrieve', 'onId'),
  enableToken: m('tokens', 'enable', 'onId'),
  disableToken: m('tokens', 'disable', 'onId'),
  deleteToken: m('tokens', 'delete', 'onId'),
  listTokens: m('tokens', 'list', 'list'),
}

/** The two instance methods that are not a resource's: converted apart, or explained. */
export const OTHER_INSTANCE_METHODS = ['request', 'setPublicKey'] as const

/** The nine static methods of the class. */
export const STATIC_METHODS = [
  'getSessionURL',
  'getSessionUrl',
  'normalizeCheckoutSessionPayload',
  'normalizeFlatCheckoutSessionPayload',
  'normalizeTokenCheckoutSessionPayload',
  'normalizeOrderPayload',
  'calculateWebhookSignature',
  'verifyWebhookSignature',
  'expressWebhookMiddleware',
] as const

/** The id validators the package exports, by the id kind `isValidId` takes. */
export const ID_VALIDATORS: Readonly<Record<string, string>> = {
  isValidCheckoutSessionId: 'checkoutSession',
  isValidOrderId: 'order',
  isValidPaymentId: 'payment',
}

/**
 * The class's 23 constants and their values here. The two `…_AUTOMATIC` ones are fixed: the
 * official SDK spells them `'autommatic'`, which the API refuses.
 */
export const CONSTANTS: Readonly<Record<string, string>> = {
  ADDRESS_TYPE_HOME: 'home',
  ADDRESS_TYPE_GIFT: 'gift',
  ADDRESS_TYPE_LOCKER: 'locker',
  ADDRESS_TYPE_OFFICE: 'office',
  ADDRESS_TYPE_STORE: 'store',
  CAPTURE_METHOD_AUTOMATIC: 'automatic',
  CAPTURE_METHOD_MANUAL: 'manual',
  MODE_TOKEN: 'token',
  COUPON_DISCOUNT_TYPE_AMOUNT: 'amount',
  COUPON_DISCOUNT_TYPE_PERCENTAGE: 'percentage',
  ORDER_STATUS_SUCCEEDED: 'succeeded',
  ORDER_STATUS_CANCELED: 'canceled',
  ORDER_STATUS_REJECTED: 'rejected',
  ORDER_STATUS_FAILED: 'failed',
  ORDER_STATUS_REQUIRES_AUTHORIZATION: 'requires_authorization',
  CANCEL_REMAINDER_AUTOMATIC: 'automatic',
  CANCEL_REMAINDER_MANUAL: 'manual',
  REFUND_REQUEST_BY_CUSTOMER: 'requested_by_customer',
  REFUND_FRAUDULENT: 'fraudulent',
  TOKEN_STATUS_ACTIVE: 'active',
  TOKEN_STATUS_DISABLED: 'disabled',
  TOKEN_STATUS_REJECTED: 'rejected',
  TOKEN_STATUS_REQUIRES_AUTHORIZATION: 'requires_authorization',
}

/** Every official method name an instance has, for spotting calls on untraced objects. */
export const ALL_INSTANCE_METHODS: ReadonlySet<string> = new Set([
  ...Object.keys(INSTANCE_METHODS),
  ...OTHER_INSTANCE_METHODS,
])
