// The same smoke pass inside Cloudflare's workerd: bundled with the Workers export conditions
// (workerd, worker, browser), so it also proves server-client resolves to its server build there.
import * as sdk from '@smartpay-kit/server-client'
import * as webhooks from '@smartpay-kit/server-client/webhooks'
import { smoke } from './smoke.mjs'

export default {
  async fetch(_request, env) {
    const results = await smoke({
      sdk,
      webhooks,
      apiUrl: env.SANDBOX_API_URL,
      secretKey: env.SANDBOX_SECRET_KEY,
      controlToken: env.SANDBOX_CONTROL_TOKEN,
    })
    return Response.json(results)
  },
}
