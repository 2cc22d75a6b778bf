// The clients bench/peers.mjs and bench/calls.mjs compare, each set up the way its users would
// set it up against the local server of local.mjs: the same 1.2 kB order, fetched by id.
import { Agent as HttpsAgent } from 'node:https'
import Smartpay from '@smartpay/sdk-node'
import { createServerClient } from '@smartpay-kit/server-client'
import OpenAI from 'openai'
import Stripe from 'stripe'
import { Agent, setGlobalDispatcher } from 'undici'
import { AUTH, kyAlone, ORDER_ID, pems, SECRET, trustingFetch } from './local.mjs'

// @smartpay/sdk-node fetches through the global fetch (isomorphic-unfetch) and takes no agent:
// its global dispatcher trusts the CA too.
setGlobalDispatcher(new Agent({ connect: { ca: pems.cert } }))

/** Every client, made fresh (so a new one starts on a cold connection pool). */
export function clients(kind, origin) {
  const https = kind === 'https'
  const base = `${origin}/v1`
  const { fetch: trusted, close: closePool } = trustingFetch()
  const agent = https ? new HttpsAgent({ ca: pems.cert, keepAlive: true }) : undefined
  const port = Number(new URL(origin).port)
  const stripeOptions = {
    host: '127.0.0.1',
    port,
    protocol: kind,
    maxNetworkRetries: 2,
    telemetry: false,
    ...(agent && { httpAgent: agent }),
  }
  const stripe = new Stripe(SECRET, stripeOptions)
  const stripeFetch = new Stripe(SECRET, {
    ...stripeOptions,
    httpClient: Stripe.createFetchHttpClient(trusted),
  })
  const openai = new OpenAI({ apiKey: 'sk-bench', baseURL: base, fetch: trusted, maxRetries: 2 })
  const kyOnly = kyAlone(base, trusted)
  const legacy = new Smartpay(SECRET, { apiPrefix: base })
  const smartpay = createServerClient({
    secretKey: SECRET,
    baseUrl: base,
    fetch: trusted,
    ...(!https && { dangerouslyAllowInsecureLoopback: true }),
  })
  const sides = {
    'bare fetch': async () => {
      const res = await trusted(`${base}/orders/${ORDER_ID}`, {
        headers: { authorization: AUTH, accept: 'application/json' },
      })
      return res.json()
    },
    'ky alone': () => kyOnly(`orders/${ORDER_ID}`).json(),
    '@smartpay-kit/server-client': () => smartpay.orders.retrieve(ORDER_ID),
    '@smartpay/sdk-node 0.9.1': () => legacy.getOrder({ id: ORDER_ID }),
    'stripe (node:https)': () => stripe.customers.retrieve('cus_bench'),
    'stripe (fetch)': () => stripeFetch.customers.retrieve('cus_bench'),
    openai: () => openai.get(`/orders/${ORDER_ID}`),
  }
  const close = async () => {
    await closePool()
    agent?.destroy()
  }
  return { sides, close }
}
