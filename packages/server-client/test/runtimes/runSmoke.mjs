// Runs smoke.mjs in whatever runtime executes this file (Node, Bun, Deno) and prints one JSON
// line. The sandbox URL and key come from the environment; the CA is trusted by the runtime's
// own mechanism (NODE_EXTRA_CA_CERTS for Node and Bun, DENO_CERT for Deno).
import * as sdk from '@smartpay-kit/server-client'
import * as webhooks from '@smartpay-kit/server-client/webhooks'
import { smoke } from './smoke.mjs'

const env = globalThis.Deno
  ? (name) => globalThis.Deno.env.get(name)
  : (name) => globalThis.process.env[name]
const results = await smoke({
  sdk,
  webhooks,
  apiUrl: env('SANDBOX_API_URL'),
  secretKey: env('SANDBOX_SECRET_KEY'),
  controlToken: env('SANDBOX_CONTROL_TOKEN'),
  envKey: Boolean(env('SMARTPAY_SECRET_KEY')),
})
console.log(`SMOKE ${JSON.stringify(results)}`)
