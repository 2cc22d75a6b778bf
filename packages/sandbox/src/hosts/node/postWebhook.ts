import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { WebhookPoster } from '../../webhooks/delivery.js'

/**
 * POSTs one body with node:http(s); resolves with the status or rejects on a network error or
 * when `signal` aborts (the dispatcher's deadline), destroying the socket. Used by the HTTPS
 * server: unlike fetch, it can accept a receiver's self-signed certificate, which is safe
 * because targets are loopback only (checked before every attempt).
 */
export const postWebhook: WebhookPoster = (url, body, headers, signal) =>
  new Promise<number>((resolve, reject) => {
    const target = new URL(url)
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest
    // A socket of its own per attempt: none waits for a pooled one, and none reuses a socket
    // that a killed receiver left half-open.
    const req = send(target, { method: 'POST', headers, rejectUnauthorized: false, agent: false })
    const abort = () => req.destroy(signal.reason as Error)
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.on('close', () => signal.removeEventListener('abort', abort))
    req.end(body)
  })
