// A Worker calling the API at a sandbox whose CA workerd does not trust: answers with the error.
import { createServerClient, parseSecretKey } from '@smartpay-kit/server-client'

export default {
  async fetch(_request, env) {
    const smartpay = createServerClient({
      secretKey: parseSecretKey(env.SANDBOX_SECRET_KEY),
      baseUrl: env.SANDBOX_API_URL,
    })
    try {
      await smartpay.orders.list()
      return Response.json({ name: 'none' })
    } catch (error) {
      return Response.json({ name: error.name, message: error.message })
    }
  },
}
