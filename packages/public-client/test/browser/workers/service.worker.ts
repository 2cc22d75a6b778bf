import { probe } from './probe.js'

self.addEventListener('message', (event: Event) => {
  const { data, ports } = event as MessageEvent<string>
  const done = probe(data).then((result) => ports[0]?.postMessage(result))
  ;(event as unknown as { waitUntil(promise: Promise<unknown>): void }).waitUntil(done)
})
