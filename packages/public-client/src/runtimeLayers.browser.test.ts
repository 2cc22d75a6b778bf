import { describe, expect, inject, it } from 'vitest'
import type { ProbeResult } from '../test/browser/workers/probe.js'
import { probe } from '../test/browser/workers/probe.js'

// Real Chromium, each runtime layer a page may start: the server client and a secret-key core
// transport refuse to start, the public client still reads from the HTTPS stand-in.
const origin = inject('smartpayOrigin')

const REFUSED: ProbeResult = {
  shopperBrowser: true,
  serverClient: 'BrowserEnvironmentError',
  secretTransport: 'InvalidKeyError secret-key-in-client-code',
  publicRetrieve: 'retrieved',
}

function reply<T>(target: { onmessage: ((event: MessageEvent<T>) => void) | null }): Promise<T> {
  return new Promise((resolve) => {
    target.onmessage = (event) => resolve(event.data)
  })
}

describe('in Chromium', () => {
  it('a page', async () => {
    expect(await probe(origin)).toEqual(REFUSED)
  })

  it('a dedicated worker', async () => {
    const worker = new Worker(
      new URL('../test/browser/workers/dedicated.worker.ts', import.meta.url),
      {
        type: 'module',
      },
    )
    try {
      const answer = reply<ProbeResult>(worker)
      worker.postMessage(origin)
      expect(await answer).toEqual(REFUSED)
    } finally {
      worker.terminate()
    }
  })

  it('a shared worker', async () => {
    const worker = new SharedWorker(
      new URL('../test/browser/workers/shared.worker.ts', import.meta.url),
      { type: 'module' },
    )
    const answer = reply<ProbeResult>(worker.port)
    worker.port.postMessage(origin)
    expect(await answer).toEqual(REFUSED)
    worker.port.close()
  })

  it('a service worker', async () => {
    expect(window.isSecureContext).toBe(true)
    const registration = await navigator.serviceWorker.register(
      new URL('../test/browser/workers/service.worker.ts', import.meta.url),
      { type: 'module' },
    )
    try {
      const worker = registration.installing ?? registration.waiting ?? registration.active
      if (!worker) throw new Error('no service worker')
      if (worker.state !== 'activated') {
        await new Promise<void>((resolve) => {
          worker.addEventListener('statechange', () => {
            if (worker.state === 'activated') resolve()
          })
        })
      }
      const channel = new MessageChannel()
      const answer = reply<ProbeResult>(channel.port1)
      worker.postMessage(origin, [channel.port2])
      expect(await answer).toEqual(REFUSED)
    } finally {
      await registration.unregister()
    }
  })
})
