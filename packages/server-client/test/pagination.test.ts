import { describe, expect, it } from 'vitest'
import * as f from './fixtures.js'
import { clientFor, useServer } from './support.js'

const ctx = useServer()
const order = (n: number) => ({ ...f.order, id: `order_test_${n}` })

describe('list pagination', () => {
  it('for await walks three pages, sending each nextPageToken as pageToken', async () => {
    const { server } = ctx
    server.queue(
      { json: f.collection([order(1), order(2)], 'next_A') },
      { json: f.collection([order(3), order(4)], 'next_B') },
      { json: f.collection([order(5)]) },
    )
    const seen: string[] = []
    for await (const item of clientFor(server).orders.list({ maxResults: 2, expand: 'all' })) {
      seen.push(item.id)
    }
    expect(seen).toEqual([1, 2, 3, 4, 5].map((n) => `order_test_${n}`))
    expect(server.requests.map((r) => Object.fromEntries(r.query))).toEqual([
      { maxResults: '2', expand: 'all' },
      { maxResults: '2', expand: 'all', pageToken: 'next_A' },
      { maxResults: '2', expand: 'all', pageToken: 'next_B' },
    ])
  })

  it('awaiting a list gives one page, and getNextPage the next', async () => {
    const { server } = ctx
    server.queue({ json: f.collection([f.token], 'next_A') }, { json: f.collection([f.token]) })
    const first = await clientFor(server).tokens.list()
    expect(first.data).toHaveLength(1)
    expect(first.hasNextPage()).toBe(true)
    const second = await first.getNextPage()
    expect(second.hasNextPage()).toBe(false)
    expect(server.requests[1]?.query.get('pageToken')).toBe('next_A')
  })

  it('toArray stops at its limit without fetching further pages', async () => {
    const { server } = ctx
    server.queue(
      { json: f.collection([order(1), order(2)], 'next_A') },
      { json: f.collection([order(3), order(4)], 'next_B') },
    )
    const items = await clientFor(server).orders.list().toArray({ limit: 3 })
    expect(items.map((o) => o.id)).toEqual(['order_test_1', 'order_test_2', 'order_test_3'])
    expect(server.requests).toHaveLength(2)
  })

  it('starts from a given pageToken', async () => {
    const { server } = ctx
    server.queue({ json: f.collection([]) })
    await clientFor(server).coupons.list({ pageToken: 'resume_here' })
    expect(server.requests[0]?.query.get('pageToken')).toBe('resume_here')
  })
})
