import { expect, it } from 'vitest'
import * as webhooks from './index.js'
import * as node from './node/index.js'

it('exports exactly the public webhook API', () => {
  expect(Object.keys(webhooks).sort()).toEqual([
    'WEBHOOK_EVENT_TYPES',
    'WEBHOOK_HEADERS',
    'WebhookEventSchema',
    'WebhookVerificationError',
    'computeWebhookSignature',
    'createWebhookHandler',
    'isWebhookVerificationError',
    'memoryEventStore',
    'signWebhook',
    'verifyWebhook',
    'verifyWebhookRequest',
  ])
})

it('exports exactly the Node adapter from /webhooks/node', () => {
  expect(Object.keys(node).sort()).toEqual(['toNodeHandler'])
})
