/**
 * @smartpay-kit/server-client/webhooks/node — the webhook handler in Node's `http` server and in
 * Express, with the raw body read right. Node only; everything else takes the Fetch handler as is.
 * @packageDocumentation
 */

export { type NodeWebhookListener, toNodeHandler } from './toNodeHandler.js'
