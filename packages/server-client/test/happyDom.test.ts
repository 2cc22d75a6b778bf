// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { createServerClient } from '../src/index.js'

// Server-side tests often run with a DOM emulation (happy-dom, jsdom) for their components.
// It has `window`, `document` and `navigator`, which a naive browser check would take for a
// shopper's page; the server client must still start there, and refuse only a real browser
// (that side is covered in Chromium).
describe('in a test environment with happy-dom', () => {
  it('starts, and makes a call like anywhere on a server', async () => {
    const client = createServerClient({
      secretKey: 'sk_test_Ho1BrYTcg3gAX4vTKk1taz',
      baseUrl: 'https://127.0.0.1:9/v1',
      // ky hands fetch a Request; answer with the URL it was sent to.
      fetch: async (input) =>
        Response.json({ id: 'coupon_test_1', url: (input as Request).url ?? String(input) }),
    })
    expect(client.mode).toBe('test')
    const coupon = (await client.coupons.retrieve('coupon_test_1')) as { url?: string }
    expect(coupon.url).toBe('https://127.0.0.1:9/v1/coupons/coupon_test_1')
  })
})
