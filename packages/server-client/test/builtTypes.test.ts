import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The repo's own type tests compile from source; a consumer compiles the built .d.ts files.
// There, `declare const s: CheckoutSession` once failed with TS2589 ("Type instantiation is
// excessively deep") on TypeScript 5.9, 6 and 7, because each response type inlined every
// schema below it. This compiles a consumer's file against dist/ with the repo's TypeScript.
// (The consumer suite does the same from packed tarballs, with each TypeScript version.)

const run = promisify(execFile)
const repo = fileURLToPath(new URL('../../../', import.meta.url))
const tsc = join(repo, 'node_modules/typescript/bin/tsc')
const dist = join(repo, 'packages/server-client/dist/index.d.ts')

const consumer = `
import {
  createServerClient,
  type CheckoutSession,
  type Order,
  type Payment,
  type Refund,
  type PromotionCode,
  type WebhookEndpoint,
} from '@smartpay-kit/server-client'
import { verifyWebhook } from '@smartpay-kit/server-client/webhooks'

declare const session: CheckoutSession
declare const order: Order
declare const payment: Payment
declare const refund: Refund
declare const code: PromotionCode
declare const endpoint: WebhookEndpoint
export const ids = [session.id, order.id, payment.id, refund.id, code.id, endpoint.id]

const smartpay = createServerClient()
export const created = await smartpay.checkoutSessions.create({
  items: [{ name: 'Tea', amount: 100 }],
  shippingInfo: { address: { line1: '1-1', locality: 'Chiyoda-ku', postalCode: '100-0001', country: 'JP' } },
  customerInfo: {},
  successUrl: 'https://shop.example/thanks',
  cancelUrl: 'https://shop.example/cart',
  promotionCode: 'SPRING',
})
export const url: string = created.url
export const expanded = await smartpay.orders.retrieve(order.id, { expand: 'all' })
export const lineItems = expanded.lineItems?.map((item) => item.price)
const { signingSecret } = await smartpay.webhookEndpoints.create({ url: 'https://shop.example/hooks' })
export const event = (body: string, headers: Headers) => verifyWebhook({ body, headers, signingSecret })
for await (const page of smartpay.checkoutSessions.list({ expand: 'all' }).pages()) {
  for (const s of page.data) console.log(s.order?.amount)
}
`

let dir: string

beforeAll(() => {
  if (!existsSync(dist)) throw new Error('No dist/: run `pnpm run build` first.')
  dir = mkdtempSync(join(tmpdir(), 'smartpay-types-'))
  mkdirSync(join(dir, 'node_modules/@smartpay-kit'), { recursive: true })
  for (const name of ['core', 'server-client']) {
    symlinkSync(join(repo, 'packages', name), join(dir, 'node_modules/@smartpay-kit', name))
  }
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }')
  writeFileSync(join(dir, 'consumer.ts'), consumer)
  // skipLibCheck as most projects set it: it is where TS2589 showed on every version. (Checking
  // the libraries too takes a minute; the consumer suite does that.)
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, files: ['consumer.ts'] }),
  )
})
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('the built declarations, in a consumer project', () => {
  it('type-check: response types, create calls, expand, webhooks', async () => {
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    )
    expect(result).toBe('')
  }, 120_000)
})
