// app.mjs as a Cloudflare Worker: the secret is a binding, known at the first request.
import { app } from './app.mjs'

/** @type {((request: Request) => Promise<Response> | Response) | undefined} */
let handle

export default {
  /** @param {Request} request @param {{ WEBHOOK_SECRET: string }} env */
  fetch(request, env) {
    handle ??= app(env.WEBHOOK_SECRET)
    return handle(request)
  },
}
