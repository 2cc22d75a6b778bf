import { probe } from './probe.js'

;(self as unknown as { onconnect: (event: MessageEvent) => void }).onconnect = (event) => {
  const [port] = event.ports
  if (!port) return
  port.onmessage = async (message: MessageEvent<string>) =>
    port.postMessage(await probe(message.data))
}
