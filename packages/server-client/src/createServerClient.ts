import {
  type ApiPromise,
  type AuthScheme,
  type CallOptions,
  type CheckoutTarget,
  type CheckoutUrlOptions,
  checkoutUrl,
  createTransport,
  fingerprint,
  InvalidKeyError,
  type Mode,
  parseSecretKey,
  ROLL_KEYS_URL,
  type SecretKey,
  type Transport,
  type TransportOptions,
} from '@smartpay-kit/core'
import { isShopperBrowser } from '@smartpay-kit/core/internal'
import { BrowserEnvironmentError } from './BrowserEnvironmentError.js'
import { readSecretKeyFromEnv, SECRET_KEY_VARIABLE } from './env.js'
import { checkConstructorShape } from './migrationHints.js'
import { type RawRequest, rawRequest } from './request.js'
import {
  type CheckoutSessionsResource,
  type CouponsResource,
  checkoutSessionsResource,
  couponsResource,
  type OrdersResource,
  ordersResource,
  type PaymentsResource,
  type PromotionCodesResource,
  paymentsResource,
  promotionCodesResource,
  type RefundsResource,
  refundsResource,
  type TokensResource,
  tokensResource,
  type WebhookEndpointsResource,
  webhookEndpointsResource,
} from './resources/resources.js'

/**
 * Options of {@link createServerClient}. Every one but the key has a sensible default.
 * @example
 * createServerClient({ secretKey: parseSecretKey(env.SMARTPAY_SECRET_KEY), timeout: 10_000 })
 */
export interface ServerClientOptions extends TransportOptions {
  /**
   * Your secret key, `sk_test_…` or `sk_live_…`. Narrow an env string with `parseSecretKey`.
   * @default process.env.SMARTPAY_SECRET_KEY (or Deno.env), where the runtime has one
   */
  secretKey?: SecretKey
  /** How the key is sent. @default 'basic' */
  authScheme?: AuthScheme
}

/** The Smartpay API for merchant servers: every operation, grouped by resource. */
export interface ServerClient {
  /** `test` or `live`, from the key. Ids of the other mode are refused before any request. */
  readonly mode: Mode
  /** Checkout sessions: where a shopper pays, on the hosted checkout page. */
  readonly checkoutSessions: CheckoutSessionsResource
  /** Orders: what a shopper agreed to pay. */
  readonly orders: OrdersResource
  /** Payments: captures of an authorized order. */
  readonly payments: PaymentsResource
  /** Refunds of captured payments. */
  readonly refunds: RefundsResource
  /** Webhook endpoints: the URLs Smartpay sends events to. */
  readonly webhookEndpoints: WebhookEndpointsResource
  /** Coupons: the discount a promotion code applies. */
  readonly coupons: CouponsResource
  /** Promotion codes: what a shopper types to get a coupon. */
  readonly promotionCodes: PromotionCodesResource
  /** Payment tokens, for charging a shopper again without checkout. */
  readonly tokens: TokensResource
  /** The session's hosted checkout URL, with a promotion code merged in. */
  checkoutUrl(target: CheckoutTarget, options?: CheckoutUrlOptions): string
  /**
   * Calls an operation this client does not list yet, with everything a method has: the key,
   * the HTTPS rule, retries, an idempotency key on POST/PUT/PATCH/DELETE, typed errors. The
   * path is checked and no secret key may appear in the body or query; the rest is sent as
   * given and the answer comes back as parsed JSON, typed `T` but not checked.
   * @example
   * const payouts = await smartpay.request<{ data: unknown[] }>({ method: 'GET', path: '/payouts', query: { maxResults: 5 } })
   */
  request<T = unknown>(spec: RawRequest, options?: CallOptions): ApiPromise<T>
}

/** Marks the client's own inspection output in Node (no import of node:util needed). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom')

function resolveKey(given: unknown): SecretKey {
  const key = given ?? readSecretKeyFromEnv()
  if (typeof key === 'string' && /^pk_/.test(key)) {
    throw new InvalidKeyError(
      `The server client got a public key (${fingerprint(key)}). It needs a secret key, sk_test_… or sk_live_…. In a shopper's browser, use @smartpay-kit/public-client with the public key instead.`,
      { rule: 'a public key was given to the server client', fingerprint: fingerprint(key) },
    )
  }
  if (key === undefined) {
    throw new InvalidKeyError(
      `No secret key: pass \`secretKey\` or set ${SECRET_KEY_VARIABLE}. On Cloudflare Workers, pass \`secretKey: parseSecretKey(env.${SECRET_KEY_VARIABLE})\`.`,
      { rule: 'no key was given', fingerprint: fingerprint(key) },
    )
  }
  return parseSecretKey(key)
}

/**
 * The transport a server client stands on: the key checked, the browser refused.
 * Use it with the resource factories (`ordersResource(transport)`…) to bundle only those.
 */
export function createServerTransport(options: ServerClientOptions = {}): Transport {
  if (isShopperBrowser()) {
    throw new BrowserEnvironmentError(
      `@smartpay-kit/server-client must not run in a browser (a page or any worker): it needs a secret key, and anything a page holds, its visitors can read. If a secret key was shipped to this page, it is exposed: roll it now at ${ROLL_KEYS_URL}. In the browser, use @smartpay-kit/public-client with a public key.`,
    )
  }
  checkConstructorShape(options)
  const { secretKey, ...transportOptions } = options
  return createTransport(resolveKey(secretKey), 'basic', transportOptions, 'secretKey')
}

/**
 * The client: each resource made on first use (a client that only captures payments never builds
 * the other seven), the transport under them private. Logging shows the mode and a fingerprint.
 */
class Client implements ServerClient {
  readonly #transport: Transport
  readonly mode: Mode
  readonly checkoutUrl: ServerClient['checkoutUrl'] = checkoutUrl
  readonly request: ServerClient['request']
  #checkoutSessions?: CheckoutSessionsResource
  #orders?: OrdersResource
  #payments?: PaymentsResource
  #refunds?: RefundsResource
  #webhookEndpoints?: WebhookEndpointsResource
  #coupons?: CouponsResource
  #promotionCodes?: PromotionCodesResource
  #tokens?: TokensResource

  constructor(transport: Transport) {
    this.#transport = transport
    this.mode = transport.mode
    this.request = rawRequest(transport)
  }

  get checkoutSessions(): CheckoutSessionsResource {
    this.#checkoutSessions ??= checkoutSessionsResource(this.#transport)
    return this.#checkoutSessions
  }
  get orders(): OrdersResource {
    this.#orders ??= ordersResource(this.#transport)
    return this.#orders
  }
  get payments(): PaymentsResource {
    this.#payments ??= paymentsResource(this.#transport)
    return this.#payments
  }
  get refunds(): RefundsResource {
    this.#refunds ??= refundsResource(this.#transport)
    return this.#refunds
  }
  get webhookEndpoints(): WebhookEndpointsResource {
    this.#webhookEndpoints ??= webhookEndpointsResource(this.#transport)
    return this.#webhookEndpoints
  }
  get coupons(): CouponsResource {
    this.#coupons ??= couponsResource(this.#transport)
    return this.#coupons
  }
  get promotionCodes(): PromotionCodesResource {
    this.#promotionCodes ??= promotionCodesResource(this.#transport)
    return this.#promotionCodes
  }
  get tokens(): TokensResource {
    this.#tokens ??= tokensResource(this.#transport)
    return this.#tokens
  }

  /** What `JSON.stringify` shows: the mode and a fingerprint, never the key. */
  toJSON() {
    const { mode, keyFingerprint, baseUrl } = this.#transport
    return { mode, key: keyFingerprint, baseUrl }
  }

  [INSPECT]() {
    return `ServerClient ${JSON.stringify(this.toJSON())}`
  }
}

/**
 * Creates a client for the Smartpay API with a secret key. Server side only: it refuses to start
 * in a shopper's browser (a page or any worker). Nothing is sent until a method is called.
 * Building one is cheap (its resources are made on first use), so a client per request is fine.
 * @example
 * import { createServerClient, parseSecretKey } from '@smartpay-kit/server-client'
 *
 * const smartpay = createServerClient({ secretKey: parseSecretKey(process.env.SMARTPAY_SECRET_KEY) })
 * const order = await smartpay.orders.retrieve('order_test_…')
 */
export function createServerClient(options: ServerClientOptions = {}): ServerClient {
  return Object.freeze(new Client(createServerTransport(options)))
}
