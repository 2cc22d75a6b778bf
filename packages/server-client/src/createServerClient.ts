import {
  ApiPromise,
  type AuthScheme,
  type CallOptions,
  type CheckoutTarget,
  type CheckoutUrlOptions,
  checkoutUrl,
  createTransport,
  fingerprint,
  InsecureUrlError,
  InvalidKeyError,
  type Mode,
  parseSecretKey,
  ROLL_KEYS_URL,
  type SecretKey,
  type Transport,
  type TransportOptions,
} from '@smartpay-kit/core'
import { isShopperBrowser, resolveBaseUrl } from '@smartpay-kit/core/internal'
import { BrowserEnvironmentError } from './BrowserEnvironmentError.js'
import { API_PREFIX_VARIABLE, readEnv, SECRET_KEY_VARIABLE } from './env.js'
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
   * Left out, `SMARTPAY_SECRET_KEY` is read; when that is unset too, the client is still made
   * (so a build that imports it passes without the secret) and its first call rejects with
   * `InvalidKeyError`.
   * @default process.env.SMARTPAY_SECRET_KEY (or Deno.env), where the runtime has one
   */
  secretKey?: SecretKey
  /** How the key is sent. @default 'basic' */
  authScheme?: AuthScheme
  /**
   * Where the API is, `https:` only.
   * @default process.env.SMARTPAY_API_PREFIX, else 'https://api.smartpay.co/v1'
   */
  baseUrl?: string
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

/** Runs `check` on a value read from env var `name`, so that its error names the variable. */
function fromEnv<T>(name: string, check: () => T): T {
  try {
    return check()
  } catch (error) {
    const message = `${name} (read from the environment) is not usable. ${(error as Error).message}`
    if (error instanceof InvalidKeyError) {
      const { rule, fingerprint } = error
      throw new InvalidKeyError(message, { rule, fingerprint })
    }
    if (error instanceof InsecureUrlError) throw new InsecureUrlError(message)
    throw error
  }
}

/** The key passed, or the env's; `undefined` when there is neither (yet). */
function resolveKey(given: unknown): SecretKey | undefined {
  const env = given === undefined ? readEnv(SECRET_KEY_VARIABLE) : undefined
  const key = given ?? env
  if (typeof key === 'string' && /^pk_/.test(key)) {
    const holder = env === undefined ? 'The server client got' : `${SECRET_KEY_VARIABLE} holds`
    throw new InvalidKeyError(
      `${holder} a public key (${fingerprint(key)}). It needs a secret key, sk_test_… or sk_live_…. In a shopper's browser, use @smartpay-kit/public-client with the public key instead.`,
      { rule: 'a public key was given to the server client', fingerprint: fingerprint(key) },
    )
  }
  if (key === undefined) return undefined
  return env === undefined
    ? parseSecretKey(key)
    : fromEnv(SECRET_KEY_VARIABLE, () => parseSecretKey(key))
}

/** The options with `baseUrl` from `SMARTPAY_API_PREFIX` when none is passed, checked. */
function withEnvBaseUrl(options: TransportOptions): TransportOptions {
  if (options.baseUrl !== undefined) return options
  // Never a permission prompt (Deno) for a variable most users do not set.
  const prefix = readEnv(API_PREFIX_VARIABLE, { ask: false })
  if (prefix === undefined) return options
  const loopback = options.dangerouslyAllowInsecureLoopback
  return {
    ...options,
    baseUrl: fromEnv(API_PREFIX_VARIABLE, () => resolveBaseUrl(prefix, loopback)),
  }
}

/** What the first call without a key rejects with. */
function missingKey(): InvalidKeyError {
  return new InvalidKeyError(
    `No secret key: ${SECRET_KEY_VARIABLE} is not set, and createServerClient() was given no \`secretKey\`. Set ${SECRET_KEY_VARIABLE} to your sk_test_… or sk_live_… key (from the dashboard) in this server's environment; it is read again at each call until it is there. Or pass \`secretKey: parseSecretKey(…)\`, e.g. \`parseSecretKey(env.${SECRET_KEY_VARIABLE})\` on Cloudflare Workers without nodejs_compat.`,
    { rule: 'no key was given', fingerprint: fingerprint(undefined) },
  )
}

/**
 * A transport for a client made without a key: its options are checked now, the key is read
 * from the environment at the first call that needs it (and at each call until it is set).
 * So `createServerClient()` at module level passes a build that has no secret, and fails, with
 * an error that says what to do, only where it would send a request.
 */
function deferredTransport(options: TransportOptions): Transport {
  // Options are checked as with any key; this transport never sends anything.
  const checked = createTransport('sk_test_unused', 'basic', withEnvBaseUrl(options), 'secretKey')
  let ready: Transport | undefined
  const transport = (): Transport => {
    if (ready) return ready
    const key = resolveKey(undefined)
    if (key === undefined) throw missingKey()
    ready = createTransport(key, 'basic', withEnvBaseUrl(options), 'secretKey')
    return ready
  }
  return Object.freeze({
    get mode() {
      return transport().mode
    },
    get keyFingerprint() {
      return transport().keyFingerprint
    },
    get baseUrl() {
      return ready?.baseUrl ?? checked.baseUrl
    },
    request<T>(spec: Parameters<Transport['request']>[0]): ApiPromise<T> {
      try {
        return transport().request<T>(spec)
      } catch (error) {
        return new ApiPromise<T>(Promise.reject(error))
      }
    },
  })
}

/**
 * The transport a server client stands on: the key checked, the browser refused. Without a key
 * passed or in the environment, the key is read at the first call (see {@link createServerClient}).
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
  const key = resolveKey(secretKey)
  if (key === undefined) return deferredTransport(transportOptions)
  return createTransport(key, 'basic', withEnvBaseUrl(transportOptions), 'secretKey')
}

/**
 * The client: each resource made on first use (a client that only captures payments never builds
 * the other seven), the transport under them private. Logging shows the mode and a fingerprint.
 */
class Client implements ServerClient {
  readonly #transport: Transport
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
    this.request = rawRequest(transport)
  }

  /** Read from the transport: a client made without a key learns it at its first use. */
  get mode(): Mode {
    return this.#transport.mode
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
    const { baseUrl } = this.#transport
    try {
      const { mode, keyFingerprint } = this.#transport
      return { mode, key: keyFingerprint, baseUrl }
    } catch {
      // Logging a client made without a key must not throw.
      return {
        mode: null,
        key: `none yet (${SECRET_KEY_VARIABLE} is read at the first call)`,
        baseUrl,
      }
    }
  }

  [INSPECT]() {
    return `ServerClient ${JSON.stringify(this.toJSON())}`
  }
}

/**
 * Creates a client for the Smartpay API with a secret key. Server side only: it refuses to start
 * in a shopper's browser (a page or any worker). Nothing is sent until a method is called.
 * Building one is cheap (its resources are made on first use), so a client per request is fine.
 * A key passed (or in `SMARTPAY_SECRET_KEY`) is checked at once; with neither, the client is
 * still made, for builds that import it without the secret, and its first call rejects with
 * `InvalidKeyError` naming `SMARTPAY_SECRET_KEY`.
 * @example
 * import { createServerClient } from '@smartpay-kit/server-client'
 *
 * // Module level is fine: SMARTPAY_SECRET_KEY is read now, or at the first call if unset now.
 * const smartpay = createServerClient()
 * const order = await smartpay.orders.retrieve('order_test_…')
 */
export function createServerClient(options: ServerClientOptions = {}): ServerClient {
  return Object.freeze(new Client(createServerTransport(options)))
}
