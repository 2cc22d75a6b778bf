import { describe, expect, it } from 'vitest'
import { EventTypeSchema } from '../src/index.js'
import { WEBHOOK_EVENT_TYPES } from '../src/webhooks/index.js'

describe('event types', () => {
  it('webhook subscriptions accept exactly the 20 types webhooks deliver', () => {
    expect(EventTypeSchema.options).toEqual(WEBHOOK_EVENT_TYPES)
    expect(new Set(EventTypeSchema.options).size).toBe(20)
  })
})
