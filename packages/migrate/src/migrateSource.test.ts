import { describe, expect, it } from 'vitest'
import { migrateSource } from './migrateSource.js'

const esm = (body: string) =>
  `import Smartpay from '@smartpay/sdk-node'\n\nconst smartpay = new Smartpay(process.env.SMARTPAY_SECRET_KEY)\n${body}`
const convert = (code: string, file = 'app.mjs') => migrateSource(code, file)
/** The converted body, below the client line. */
const body = (code: string, file?: string) =>
  convert(code, file).code.split('createServerClient()\n')[1]

describe('migrateSource: the client', () => {
  it('turns the import and the constructor into createServerClient, reading the same env', () => {
    const result = convert(esm(''))
    expect(result.code).toBe(
      "import { createServerClient } from '@smartpay-kit/server-client'\n\nconst smartpay = createServerClient()\n",
    )
    expect(result).toMatchObject({ sites: 1, converted: 1, todos: [] })
  })

  it('passes another key through parseSecretKey, apiPrefix as baseUrl, and drops publicKey with a note', () => {
    const result = convert(
      "const Smartpay = require('@smartpay/sdk-node').default;\nconst smartpay = new Smartpay(config.key, { publicKey: config.pk, apiPrefix: config.api });\n",
      'app.cjs',
    )
    expect(result.code).toBe(
      "const { createServerClient, parseSecretKey } = require('@smartpay-kit/server-client');\nconst smartpay = createServerClient({ secretKey: parseSecretKey(config.key), baseUrl: config.api });\n",
    )
    expect(result.notes[0]?.why).toMatch(/^publicKey dropped/)
  })

  it('drops the any the official SDK’s broken types made TypeScript users write', () => {
    const code =
      "import Smartpay from '@smartpay/sdk-node'\nexport const smartpay: any = new Smartpay(process.env.SMARTPAY_SECRET_KEY!) as any\n"
    const result = convert(code, 'lib.ts')
    expect(result.code).toBe(
      "import { createServerClient } from '@smartpay-kit/server-client'\nexport const smartpay = createServerClient()\n",
    )
    expect(result.exportsInstance).toEqual(['smartpay'])
  })

  it('keeps every untouched byte: comments, blank lines, odd formatting', () => {
    const code = esm('\n/* keep */  const   x =  1 // me too\n\n\nawait smartpay.listOrders( )\n')
    expect(body(code)).toBe(
      '\n/* keep */  const   x =  1 // me too\n\n\nawait smartpay.orders.list( )\n',
    )
  })
})

describe('migrateSource: resource methods', () => {
  it.each([
    ['smartpay.getOrder({ id: orderId })', 'smartpay.orders.retrieve(orderId)'],
    ['smartpay.getOrder({ id })', 'smartpay.orders.retrieve(id)'],
    [
      "smartpay.getOrder({ id: o.id, expand: 'all' })",
      "smartpay.orders.retrieve(o.id, { expand: 'all' })",
    ],
    [
      'smartpay.cancelOrder({ id, idempotencyKey: k })',
      'smartpay.orders.cancel(id, { idempotencyKey: k })',
    ],
    [
      "smartpay.updatePayment({ id: p, reference: 'R' })",
      "smartpay.payments.update(p, { reference: 'R' })",
    ],
    ['smartpay.updateRefund({ id: r })', 'smartpay.refunds.update(r, {})'],
    ['smartpay.deleteWebhookEndpoint({ id: w })', 'smartpay.webhookEndpoints.delete(w)'],
    ['smartpay.getCoupon({ id: c })', 'smartpay.coupons.retrieve(c)'],
    ['smartpay.enableToken({ id: t })', 'smartpay.tokens.enable(t)'],
    ['smartpay.listPayments({ maxResults: 5 })', 'smartpay.payments.list({ maxResults: 5 })'],
    [
      'smartpay.refund({ payment: p, amount: 1 })',
      'smartpay.refunds.create({ payment: p, amount: 1 })',
    ],
    [
      'smartpay.capture({ order: o, idempotencyKey: k })',
      'smartpay.payments.capture({ order: o }, { idempotencyKey: k })',
    ],
    [
      'smartpay.createOrder({ token, idempotencyKey })',
      'smartpay.orders.create({ token }, { idempotencyKey })',
    ],
    [
      "smartpay.createCheckoutSession({ mode: 'token', customerInfo })",
      "smartpay.checkoutSessions.createForToken({ mode: 'token', customerInfo })",
    ],
    [
      'smartpay.createCheckoutSession({ mode: Smartpay.MODE_TOKEN })',
      "smartpay.checkoutSessions.createForToken({ mode: 'token' })",
    ],
    ['smartpay.createTokenCheckoutSession(p)', 'smartpay.checkoutSessions.createForToken(p)'],
  ])('%s → %s', (from, to) => {
    const result = convert(esm(`await ${from}\n`))
    expect(body(esm(`await ${from}\n`))).toBe(`await ${to}\n`)
    expect(result.converted).toBe(result.sites)
  })

  it('moves idempotencyKey out of a multi-line payload, keeping its layout', () => {
    const code = esm(
      'await smartpay.createPayment({\n  order: id,\n  amount,\n  idempotencyKey: key,\n})\n',
    )
    expect(body(code)).toBe(
      'await smartpay.payments.create({\n  order: id,\n  amount,\n}, { idempotencyKey: key })\n',
    )
  })

  it('picks createForToken from a const payload it can see, and says so when it cannot see one', () => {
    const seen = esm("const p = { mode: 'token' }\nawait smartpay.createCheckoutSession(p)\n")
    expect(body(seen)).toContain('smartpay.checkoutSessions.createForToken(p)')
    const unseen = convert(esm('await smartpay.createCheckoutSession(makePayload())\n'))
    expect(unseen.code).toContain('smartpay.checkoutSessions.create(makePayload())')
    expect(unseen.notes[0]?.why).toContain(
      "if it has mode: 'token', call checkoutSessions.createForToken",
    )
  })

  it('lists what it cannot see into as file:line todos, leaving the code', () => {
    const result = convert(
      esm(
        'await smartpay.getOrder(params)\nsmartpay.setPublicKey(pk)\nSmartpay.normalizeOrderPayload(p)\n',
      ),
    )
    expect(body(esm('await smartpay.getOrder(params)\n'))).toBe('await smartpay.getOrder(params)\n')
    expect(result.todos.map((t) => t.line)).toEqual([4, 5, 6])
    expect(result.todos[0]?.why).toContain('the id goes first here, orders.retrieve(id, params)')
    expect(result.todos[1]?.why).toContain('setPublicKey has no equivalent')
    expect(result.todos[2]?.why).toContain('normalizeOrderPayload only validated the payload')
    expect(result).toMatchObject({ sites: 4, converted: 1 })
    // The class is still used: the official import stays beside the new one.
    expect(result.code).toContain("import Smartpay from '@smartpay/sdk-node'")
  })

  it('follows this.client in a class, and converts request()', () => {
    const code =
      "import Smartpay from '@smartpay/sdk-node'\nclass Shop {\n  client = new Smartpay()\n  go() {\n    return this.client.request('/payouts', { params: { maxResults: 1 }, idempotencyKey: k })\n  }\n}\n"
    expect(convert(code).code).toContain(
      'this.client = createServerClient()'.replace('this.client = ', 'client = '),
    )
    expect(convert(code).code).toContain(
      "return this.client.request({ method: 'GET', path: '/payouts', query: { maxResults: 1 } }, { idempotencyKey: k })",
    )
  })

  it('follows a parameter typed InstanceType<typeof Smartpay>, typing it ServerClient', () => {
    const code =
      "import Smartpay from '@smartpay/sdk-node'\nexport const void_ = (client: InstanceType<typeof Smartpay>, id: string) => client.cancelOrder({ id })\n"
    expect(convert(code, 'a.ts').code).toBe(
      "import { type ServerClient } from '@smartpay-kit/server-client'\nexport const void_ = (client: ServerClient, id: string) => client.orders.cancel(id)\n",
    )
  })

  it('renames statusCode and errorCode on the error of a try around converted calls', () => {
    const code = esm(
      "try {\n  await smartpay.getOrder({ id })\n} catch (e) {\n  if (e.statusCode === 404 || e.errorCode === 'order.not-found') miss()\n}\ntry { other() } catch (x) { x.statusCode }\n",
    )
    const result = convert(code)
    expect(body(code)).toBe(
      "try {\n  await smartpay.orders.retrieve(id)\n} catch (e) {\n  if (e.status === 404 || e.code === 'order.not-found') miss()\n}\ntry { other() } catch (x) { x.statusCode }\n",
    )
    expect(result.notes.map((n) => n.line)).toEqual([7, 7])
  })

  it('names calls it cannot trace to new Smartpay()', () => {
    const result = convert(esm('export const capture = (client) => client.createPayment({})\n'))
    expect(result.todos[0]?.why).toContain(
      'client.createPayment(…) looks like an official SDK call',
    )
  })
})

describe('migrateSource: statics, constants and validators', () => {
  it('turns getSessionURL into checkoutUrl, dropping the checkoutURL it ignored', () => {
    const code =
      "import Smartpay from '@smartpay/sdk-node'\nconst url = Smartpay.getSessionURL(session, { promotionCode: code, checkoutURL: x })\n"
    expect(convert(code).code).toBe(
      "import { checkoutUrl } from '@smartpay-kit/server-client'\nconst url = checkoutUrl(session, { promotionCode: code })\n",
    )
  })

  it('sees through (Smartpay as any), which the official SDK’s types made users write', () => {
    const code =
      "import Smartpay from '@smartpay/sdk-node'\nconst url: string = (Smartpay as any).getSessionURL(s)\n"
    expect(convert(code, 'a.ts').code).toBe(
      "import { checkoutUrl } from '@smartpay-kit/server-client'\nconst url: string = checkoutUrl(s)\n",
    )
  })

  it('inlines the constants, fixing the misspelt automatic ones with a note', () => {
    const code = esm(
      'const m = [Smartpay.CAPTURE_METHOD_AUTOMATIC, Smartpay.ORDER_STATUS_SUCCEEDED]\n',
    )
    const result = convert(code)
    expect(body(code)).toBe("const m = ['automatic', 'succeeded']\n")
    expect(result.notes[0]?.why).toContain("was the misspelt 'autommatic'")
  })

  it('turns the id validators into isValidId with the kind', () => {
    const code =
      "import { isValidOrderId, isValidCheckoutSessionId } from '@smartpay/sdk-node'\nif (isValidOrderId(a) && isValidCheckoutSessionId(b)) go()\n"
    expect(convert(code).code).toBe(
      "import { isValidId } from '@smartpay-kit/server-client'\nif (isValidId('order', a) && isValidId('checkoutSession', b)) go()\n",
    )
  })

  it('turns verifyWebhookSignature into an awaited computeWebhookSignature comparison', () => {
    const data = ['`$', '{ts}.$', '{body}`'].join('')
    const code = `import Smartpay from '@smartpay/sdk-node'\nexport async function POST(req) {\n  if (!Smartpay.verifyWebhookSignature({ data: ${data}, secret, signature })) return bad()\n}\n`
    expect(convert(code).code).toBe(
      `import { computeWebhookSignature } from '@smartpay-kit/server-client/webhooks'\nexport async function POST(req) {\n  if (!((await computeWebhookSignature(${data}, secret)) === signature)) return bad()\n}\n`,
    )
  })

  it('leaves a signature check outside an async function, saying why', () => {
    const code =
      "import Smartpay from '@smartpay/sdk-node'\nfunction ok() { return Smartpay.calculateWebhookSignature({ data, secret }) }\n"
    expect(convert(code).todos[0]?.why).toContain('is async (Web Crypto)')
  })
})

describe('migrateSource: the Express webhook middleware', () => {
  const app = (route: string) =>
    `const express = require('express');\nconst Smartpay = require('@smartpay/sdk-node').default;\nconst smartpay = new Smartpay();\nconst app = express();\napp.use(express.json({ verify: Smartpay.expressWebhookMiddleware(secret) }));\napp.get('/', (req, res) => res.send('hi'));\n\n${route}\n`

  it('becomes toNodeHandler(createWebhookHandler(…)), mounted before the JSON parser', () => {
    const route = `app.post('/hooks', async (req, res) => {\n  if (req.headers['smartpay-signature'] !== req.headers['calculated-signature']) {\n    return res.sendStatus(401);\n  }\n  const event = req.body;\n  if (event.eventData.type === 'order.authorized') {\n    await smartpay.getOrder({ id: event.eventData.data.id });\n  }\n  res.sendStatus(200);\n});`
    const result = convert(app(route), 'app.cjs')
    expect(result.code).toContain(
      "app.post('/hooks', toNodeHandler(\n  createWebhookHandler({\n    signingSecret: secret,\n    on: {\n      'order.authorized': async (event) => {\n        await smartpay.orders.retrieve(event.eventData.data.id);\n      },\n    },\n  }),\n));\n\napp.use(express.json());",
    )
    expect(result.code).toContain(
      "const { toNodeHandler } = require('@smartpay-kit/server-client/webhooks/node');",
    )
    expect(result.code).not.toContain('calculated-signature')
    expect(result).toMatchObject({ todos: [] })
    expect(result.converted).toBe(result.sites)
  })

  it('leaves a handler it cannot take apart, saying what to do', () => {
    const route = `app.post('/hooks', (req, res) => {\n  if (req.headers['smartpay-signature'] === req.headers['calculated-signature']) audit(req);\n  res.end();\n});`
    const result = convert(app(route), 'app.cjs')
    expect(result.todos[0]?.why).toMatch(/^webhook route: .*createWebhookHandler/)
    expect(result.code).toContain('Smartpay.expressWebhookMiddleware(secret)')
  })
})
