import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, harness, tokenOrderBody, tokenSessionBody } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
beforeEach(() => h.sandbox.reset())
afterAll(() => h.close())

const newTokenSession = async () =>
  (
    await h.call('POST', '/checkout-sessions', {
      body: tokenSessionBody({ reference: 'member-7' }),
    })
  ).json

const activeToken = async () => {
  const session = await newTokenSession()
  h.sandbox.authorize(session.id)
  return session.token.id as string
}

describe('token checkout sessions', () => {
  it('create a token in requires_authorization, expanded in the response', async () => {
    const session = await newTokenSession()
    expect(session.token).toMatchObject({
      object: 'token',
      status: 'requires_authorization',
      reference: 'member-7',
    })
    expect(session.token.id).toMatch(/^paytok_test_[0-9A-Za-z]{22}$/)
    expect(session.order).toBeUndefined()
    expect((await h.call('GET', `/checkout-sessions/${session.id}`)).json.token).toBe(
      session.token.id,
    )
  })

  it('activate the token when the shopper authorizes', async () => {
    const id = await activeToken()
    expect((await h.call('GET', `/tokens/${id}`)).json.status).toBe('active')
  })
})

describe('token management', () => {
  it.each([
    ['PUT', 'enable'],
    ['PUT', 'disable'],
    ['DELETE', ''],
  ])(
    'answers 404 token.not-found to %s %s on a token awaiting authorization',
    async (method, action) => {
      const session = await newTokenSession()
      const res = await h.call(method, `/tokens/${session.token.id}${action ? `/${action}` : ''}`)
      expect(res.status).toBe(404)
      expect(res.json.errorCode).toBe('token.not-found')
      expect(h.sandbox.objects('token')[0]?.status).toBe('requires_authorization')
    },
  )

  it('disables and enables with 200 and an empty body', async () => {
    const id = await activeToken()
    const disabled = await h.call('PUT', `/tokens/${id}/disable`)
    expect(disabled.status).toBe(200)
    expect(disabled.text).toBe('')
    expect((await h.call('GET', `/tokens/${id}`)).json.status).toBe('disabled')
    const enabled = await h.call('PUT', `/tokens/${id}/enable`)
    expect(enabled.status).toBe(200)
    expect(enabled.text).toBe('')
    expect((await h.call('GET', `/tokens/${id}`)).json.status).toBe('active')
  })

  it('deletes with 204, after which the token is not found', async () => {
    const id = await activeToken()
    const res = await h.call('DELETE', `/tokens/${id}`)
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect((await h.call('GET', `/tokens/${id}`)).json.errorCode).toBe('token.not-found')
    expect((await h.call('GET', '/tokens')).json.data).toHaveLength(0)
    expect(h.sandbox.objects('token')[0]?.status).toBe('deleted')
  })
})

describe('orders from tokens', () => {
  it('are created already authorized: succeeded with a payment for automatic capture', async () => {
    const token = await activeToken()
    const res = await h.call('POST', '/orders', { body: tokenOrderBody(token) })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ status: 'succeeded', tokenId: token, amount: 3000 })
    expect(res.json.payments[0]).toMatchObject({ object: 'payment', amount: 3000 })
  })

  it('are requires_capture for manual capture', async () => {
    const token = await activeToken()
    const res = await h.call('POST', '/orders', {
      body: tokenOrderBody(token, { captureMethod: 'manual' }),
    })
    expect(res.json.status).toBe('requires_capture')
    expect(h.sandbox.objects('payment')).toHaveLength(0)
  })

  it('need an active token: 400 token.invalid otherwise', async () => {
    const token = await activeToken()
    await h.call('PUT', `/tokens/${token}/disable`)
    const res = await h.call('POST', '/orders', { body: tokenOrderBody(token) })
    expect(res.status).toBe(400)
    expect(res.json.errorCode).toBe('token.invalid')
    const pending = (await newTokenSession()).token.id
    expect(
      (await h.call('POST', '/orders', { body: tokenOrderBody(pending) })).json.errorCode,
    ).toBe('token.invalid')
    expect(h.sandbox.objects('order')).toHaveLength(0)
  })

  it('answer 404 token.not-found for an unknown or deleted token', async () => {
    const missing = await h.call('POST', '/orders', { body: tokenOrderBody('paytok_test_missing') })
    expect(missing.status).toBe(404)
    expect(missing.json.errorCode).toBe('token.not-found')
    const token = await activeToken()
    await h.call('DELETE', `/tokens/${token}`)
    expect((await h.call('POST', '/orders', { body: tokenOrderBody(token) })).status).toBe(404)
  })
})
