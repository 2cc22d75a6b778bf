import { probe } from './probe.js'

self.onmessage = async (event: MessageEvent<string>) => {
  self.postMessage(await probe(event.data))
}
