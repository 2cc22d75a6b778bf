import { afterEach, describe, expect, it, vi } from 'vitest'
import { redirectToCheckout } from './redirect.js'

const URL_ = 'https://checkout.smartpay.co/checkout_test_oTQpCvZzZ52UvKbrN5i4B8'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

// happy-dom cannot leave the page, so these watch the Location calls; a real navigation is
// tested in Chromium (redirect.browser.test.ts).
describe('redirectToCheckout', () => {
  it('assigns the session URL, with the promotion code', () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {})
    redirectToCheckout({ url: URL_ }, { promotionCode: 'SPRING' })
    expect(assign).toHaveBeenCalledWith(`${URL_}?promotion-code=SPRING`)
  })

  it('replaces the history entry with replace: true', () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {})
    const replace = vi.spyOn(window.location, 'replace').mockImplementation(() => {})
    redirectToCheckout(URL_, { replace: true })
    expect(replace).toHaveBeenCalledWith(URL_)
    expect(assign).not.toHaveBeenCalled()
  })

  it.each([
    ['a session without a url', {}],
    ['an http: URL', 'http://checkout.smartpay.co/x'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('throws a TypeError for %s and does not navigate', (_, target) => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {})
    expect(() => redirectToCheckout(target)).toThrow(TypeError)
    expect(assign).not.toHaveBeenCalled()
  })

  it('explains itself where there is no window', () => {
    vi.stubGlobal('location', undefined)
    expect(() => redirectToCheckout(URL_)).toThrow(TypeError)
    expect(() => redirectToCheckout(URL_)).toThrow('answer with a 303 redirect')
  })
})
