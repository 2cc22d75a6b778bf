// What README snippets may take as given: the names that stand for the reader's own code and
// data (an order, their logger, their web framework's app), typed as the packages and the
// frameworks type them, so that a snippet's use of them is checked like the rest. Everything
// else a snippet uses, it imports or declares itself, as a user's file would. A new snippet that
// needs another such name adds it here, with a type as strict as the real thing.
import type { InProcessSandbox } from '@smartpay-kit/sandbox/fetch'
import type {
  CreateCheckoutSessionParams,
  CreatedCheckoutSession,
  CreateOrderParams,
  Order,
  SecretKey,
  ServerClient,
} from '@smartpay-kit/server-client'
import type { WebhookEventHandlers, WebhookHandler } from '@smartpay-kit/server-client/webhooks'
import type { d1EventStore } from '@smartpay-kit/server-client/webhooks/d1'

type Log = (message: string, ...details: unknown[]) => void
type FetchHandler = (request: Request) => Response | Promise<Response>

declare global {
  // The server client and what a shop passes it.
  /** The server client, made as the quick start makes it. */
  const smartpay: ServerClient
  const secretKey: SecretKey
  const payload: CreateCheckoutSessionParams
  const params: CreateOrderParams
  const items: CreateCheckoutSessionParams['items']
  const shippingInfo: CreateCheckoutSessionParams['shippingInfo']
  const customerInfo: CreateCheckoutSessionParams['customerInfo']
  const successUrl: string
  const cancelUrl: string
  /** A session `checkoutSessions.create` returned, as the page receives it from the server. */
  const session: CreatedCheckoutSession
  const sessionId: string
  const order: Order

  // Webhooks.
  const signingSecret: string
  /** A handler built with `createWebhookHandler`, as the webhook section builds it. */
  const smartpayWebhook: WebhookHandler
  const on: WebhookEventHandlers
  function capture(order: Order): Promise<void>
  function recordRefund(refund: object): Promise<void>
  function captureFromRawJson(json: unknown): Promise<void>
  /** A Worker's `env`, with a D1 database bound as `DB`. */
  const env: { SMARTPAY_WEBHOOK_SECRET: string; DB: Parameters<typeof d1EventStore>[0] }
  /** A handler made at a Worker's first request. */
  var handler: WebhookHandler | undefined

  // The reader's app, logger, page and tests.
  const log: { debug: Log; info: Log; warn: Log; error: Log }
  /** Next.js's `redirect` (next/navigation). */
  function redirect(url: string): never
  /** A Hono app (or a Worker): a Fetch handler with routes. */
  const app: {
    fetch: FetchHandler
    post(
      path: string,
      handler: (c: { req: { raw: Request } }) => Response | Promise<Response>,
    ): void
  }
  const sandbox: InProcessSandbox
  const button: HTMLButtonElement
  const signal: AbortSignal
  /** Vitest's `expect`, as far as the snippets use it. */
  function expect(actual: unknown): { toBe(expected: unknown): void }

  // Runtimes other than Node, as far as the snippets use them.
  const Deno: { serve(handler: FetchHandler): unknown }
  const Bun: { serve(options: { fetch: FetchHandler }): unknown }
}
