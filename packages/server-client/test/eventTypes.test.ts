import { describe, expect, it } from 'vitest'
import { EventTypeSchema } from '../src/index.js'
import { WEBHOOK_EVENT_TYPES } from '../src/webhooks/index.js'

describe('event types', () => {
  it('webhook subscriptions accept exactly the types webhooks deliver', () => {
    expect([...EventTypeSchema.options].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort())
    expect(EventTypeSchema.options).toHaveLength(20)
  })
})
