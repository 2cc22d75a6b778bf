import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { WebhookPoster } from '../../webhooks/delivery.js'

/**
 * POSTs one body with node:http(s); resolves with the status or rejects on a network error or
 * timeout. Used by the HTTPS server: unlike fetch, it can accept a receiver's self-signed
 * certificate, which is safe because targets are loopback only (checked before every attempt).
 */
export const postWebhook: WebhookPoster = (url, body, headers, timeoutMs) =>
  new Promise<number>((resolve, reject) => {
    const target = new URL(url)
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest
    const req = send(target, {
      method: 'POST',
      headers,
      rejectUnauthorized: false,
      timeout: timeoutMs,
    })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(body)
  })
