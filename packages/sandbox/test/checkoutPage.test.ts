import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, harness, orderSessionBody, tokenSessionBody } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
beforeEach(() => h.sandbox.reset())
afterAll(() => h.close())

const session = async (body = orderSessionBody()) =>
  (await h.call('POST', '/checkout-sessions', { body })).json
const post = (path: string, body = '') =>
  h.fetch(`${h.sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  })

describe('hosted checkout page', () => {
  it('shows the items, the amount and the two buttons, with no external resources', async () => {
    const s = await session()
    const res = await h.fetch(s.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    const html = await res.text()
    expect(html).toContain('Green tea')
    expect(html).toContain('Teapot')
    expect(html).toContain('3,000 JPY')
    expect(html).toMatch(/<button id="authorize" data-testid="authorize"/)
    expect(html).toMatch(/<button id="cancel" data-testid="cancel"/)
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//)
    expect(html).not.toMatch(/<(script|link|img)\b/)
  })

  it('escapes merchant-provided text', async () => {
    const s = await session(
      orderSessionBody({ items: [{ name: '<script>x</script>', amount: 3000 }] }),
    )
    const html = await (await h.fetch(s.url)).text()
    expect(html).not.toContain('<script>x')
    expect(html).toContain('&#60;script&#62;')
  })

  it('authorizes and redirects (303) to successUrl with session-id and order-id merged in', async () => {
    const s = await session()
    const res = await post(`/checkout/${s.id}/authorize`)
    expect(res.status).toBe(303)
    const location = new URL(res.headers.get('location') ?? '')
    expect(location.origin + location.pathname).toBe('https://merchant.example/done')
    expect(location.searchParams.get('cart')).toBe('42')
    expect(location.searchParams.get('session-id')).toBe(s.id)
    expect(location.searchParams.get('order-id')).toBe(s.order.id)
    expect(h.sandbox.objects('order')[0]?.status).toBe('succeeded')
    const page = await (await h.fetch(s.url)).text()
    expect(page).toContain('data-testid="status">succeeded')
  })

  it('cancels and redirects to cancelUrl without touching the order', async () => {
    const s = await session()
    const res = await post(`/checkout/${s.id}/cancel`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('https://merchant.example/cart')
    expect(h.sandbox.objects('order')[0]?.status).toBe('requires_authorization')
  })

  it('shows an error page for an unknown session or a second authorization', async () => {
    expect((await h.fetch(`${h.sandbox.url}/checkout/checkout_test_missing`)).status).toBe(404)
    const s = await session()
    await post(`/checkout/${s.id}/authorize`)
    const again = await post(`/checkout/${s.id}/authorize`)
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('not requires_authorization')
  })
})

describe('/__sandbox/checkout', () => {
  it('authorizes over JSON without auth and reports the redirect', async () => {
    const s = await session(orderSessionBody({ captureMethod: 'manual' }))
    const res = await h.raw('POST', `/__sandbox/checkout/${s.id}/authorize`)
    expect(res.status).toBe(200)
    expect(res.json.order).toMatchObject({ id: s.order.id, status: 'requires_capture' })
    expect(res.json.redirectUrl).toContain(`order-id=${s.order.id}`)
  })

  it('cancels over JSON', async () => {
    const s = await session()
    const res = await h.raw('POST', `/__sandbox/checkout/${s.id}/cancel`)
    expect(res.json.redirectUrl).toBe('https://merchant.example/cart')
  })

  it('rejects, emitting order.rejected', async () => {
    const s = await session()
    const res = await h.raw('POST', `/__sandbox/checkout/${s.id}/reject`)
    expect(res.json.order.status).toBe('rejected')
    expect(h.sandbox.events().map((e) => e.event)).toEqual(['order.rejected'])
  })

  it('authorizes a token session: the token becomes active', async () => {
    const s = await session(tokenSessionBody())
    const res = await h.raw('POST', `/__sandbox/checkout/${s.id}/authorize`)
    expect(res.json.token.status).toBe('active')
    expect(res.json.redirectUrl).toContain(`session-id=${s.id}`)
  })

  it('answers 404 for an unknown session', async () => {
    const res = await h.raw('POST', '/__sandbox/checkout/checkout_test_missing/authorize')
    expect(res.status).toBe(404)
    expect(res.json.errorCode).toBe('checkout-session.not-found')
  })

  it('lists objects and resets the store', async () => {
    await session()
    expect((await h.raw('GET', '/__sandbox/objects/order')).json.data).toHaveLength(1)
    expect((await h.raw('GET', '/__sandbox/ca.pem')).text).toBe(h.sandbox.ca)
    await h.raw('POST', '/__sandbox/reset')
    expect(h.sandbox.objects('order')).toHaveLength(0)
  })
})
