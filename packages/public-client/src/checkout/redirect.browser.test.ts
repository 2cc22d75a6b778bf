import { afterEach, describe, expect, inject, it } from 'vitest'
import type * as Redirect from './redirect.js'

// A real navigation, without navigating the test runner away: the module is loaded inside a
// same-origin iframe (so its `location` is the iframe's) and sends that iframe to the hosted
// checkout stand-in on 127.0.0.1, which posts back where it landed and the history length.

const origin = inject('smartpayOrigin')
const frames: HTMLIFrameElement[] = []
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove()
})

interface Landing {
  href: string
  historyLength: number
}

/** A loaded same-origin frame with its own copy of redirect.ts. */
async function frameWithRedirect() {
  const frame = document.createElement('iframe')
  frame.srcdoc = '<!doctype html><title>Cart</title>'
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }))
  document.body.append(frame)
  frames.push(frame)
  await loaded
  const win = frame.contentWindow as Window & typeof globalThis
  const url = new URL('./redirect.ts', import.meta.url).href
  const module = (await win.eval(`import(${JSON.stringify(url)})`)) as typeof Redirect
  const landing = new Promise<Landing>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== win) return
      window.removeEventListener('message', onMessage)
      resolve(event.data as Landing)
    }
    window.addEventListener('message', onMessage)
  })
  return { win, module, landing }
}

describe('redirectToCheckout in Chromium', () => {
  it('navigates to the checkout URL with the promotion code, adding a history entry', async () => {
    const { win, module, landing } = await frameWithRedirect()
    const before = win.history.length
    module.redirectToCheckout(
      { url: `${origin}/checkout/checkout_test_abc?lang=ja` },
      { promotionCode: 'SPRING 10%' },
    )
    const landed = await landing
    expect(landed.href).toBe(
      `${origin}/checkout/checkout_test_abc?lang=ja&promotion-code=SPRING+10%25`,
    )
    expect(landed.historyLength).toBe(before + 1)
  })

  it('replaces the current history entry with replace: true', async () => {
    const { win, module, landing } = await frameWithRedirect()
    const before = win.history.length
    module.redirectToCheckout(`${origin}/checkout/checkout_test_def`, { replace: true })
    const landed = await landing
    expect(landed.href).toBe(`${origin}/checkout/checkout_test_def`)
    expect(landed.historyLength).toBe(before)
  })

  it('does not navigate to a non-https URL', async () => {
    const { win, module } = await frameWithRedirect()
    expect(() => module.redirectToCheckout('javascript:parent.alert(1)')).toThrow('https')
    expect(win.location.href).toBe('about:srcdoc')
  })
})
