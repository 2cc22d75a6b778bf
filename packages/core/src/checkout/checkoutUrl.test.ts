import { describe, expect, it } from 'vitest'
import { checkoutUrl } from './checkoutUrl.js'

const BASE = 'https://checkout.smartpay.co/checkout_test_hm3tau0XY7r3ULm06pHtr8.1nsIwu.2Kx'

describe('checkoutUrl', () => {
  it('returns the session URL unchanged without a promotion code', () => {
    expect(checkoutUrl({ url: BASE })).toBe(BASE)
    expect(checkoutUrl(BASE)).toBe(BASE)
  })

  it('adds promotion-code to a URL with no query', () => {
    expect(checkoutUrl(BASE, { promotionCode: 'SPRING' })).toBe(`${BASE}?promotion-code=SPRING`)
  })

  it('merges promotion-code into an existing query without losing it', () => {
    const url = new URL(checkoutUrl(`${BASE}?demo=true&lang=ja`, { promotionCode: 'SPRING' }))
    expect(url.searchParams.get('demo')).toBe('true')
    expect(url.searchParams.get('lang')).toBe('ja')
    expect(url.searchParams.get('promotion-code')).toBe('SPRING')
  })

  it('replaces an existing promotion-code instead of adding a second one', () => {
    const url = new URL(checkoutUrl(`${BASE}?promotion-code=OLD`, { promotionCode: 'NEW' }))
    expect(url.searchParams.getAll('promotion-code')).toEqual(['NEW'])
  })

  it('encodes codes with reserved characters', () => {
    const url = checkoutUrl(BASE, { promotionCode: 'A&B=C #1' })
    expect(new URL(url).searchParams.get('promotion-code')).toBe('A&B=C #1')
    expect(url).not.toContain('A&B')
  })

  it('keeps a fragment at the end', () => {
    expect(checkoutUrl(`${BASE}#top`, { promotionCode: 'X' })).toBe(`${BASE}?promotion-code=X#top`)
  })

  it.each([
    [{}, /needs a checkout session/],
    [{ url: null }, /needs a checkout session/],
    ['/relative', /not an absolute URL/],
    ['http://checkout.smartpay.co/x', /must use https/],
    ['javascript:alert(1)', /must use https/],
  ])('refuses %j with a TypeError that says why', (target, message) => {
    expect(() => checkoutUrl(target as never)).toThrow(TypeError)
    expect(() => checkoutUrl(target as never)).toThrow(message)
  })

  it('refuses an empty promotion code', () => {
    expect(() => checkoutUrl(BASE, { promotionCode: ' ' })).toThrow(/promotionCode/)
  })
})
