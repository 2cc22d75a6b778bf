#!/usr/bin/env node
// Webhook verifications per second with @smartpay-kit/server-client/webhooks (Web Crypto).
// Usage: node bench/webhooks.mjs [seconds=3]   (needs `pnpm build` first)
import os from 'node:os'
import { signWebhook, verifyWebhook } from '@smartpay-kit/server-client/webhooks'

const SECONDS = Number(process.argv[2] ?? 3)
const signingSecret = 'Q8vN2kLm5TzX7cRb1YwH4jPd9GsF3uKe6AoV0iJn'
const body = JSON.stringify({
  id: 'evt_test_Zk3Nq8Vb2Lm7Xc1Rt5Wd9H',
  object: 'event',
  createdAt: Date.now(),
  test: true,
  event: 'payment.created',
  eventData: {
    type: 'payment.created',
    version: '2022-02-18',
    data: {
      id: 'payment_test_1',
      object: 'payment',
      status: 'processed',
      amount: 3000,
      currency: 'JPY',
      order: 'order_test_1',
    },
  },
})
const { headers } = await signWebhook({ body, signingSecret })

async function run(ms) {
  let count = 0
  const end = performance.now() + ms
  while (performance.now() < end) {
    // 64 at a time keeps the loop cheap relative to the work measured.
    await Promise.all(
      // The same delivery again and again: turn off the replay check, which would refuse it.
      Array.from({ length: 64 }, () =>
        verifyWebhook({ body, headers, signingSecret, store: false }),
      ),
    )
    count += 64
  }
  return count
}
await run(500)
const started = performance.now()
const count = await run(SECONDS * 1000)
const rate = count / ((performance.now() - started) / 1000)
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`)
console.log(
  `verifyWebhook: ${Math.round(rate).toLocaleString('en')} verifications/s (${body.length}-byte body, ${SECONDS} s)`,
)
