import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness } from './helpers.js'

let h: Harness
const created: string[] = []
beforeAll(async () => {
  h = await harness()
  for (let i = 0; i < 25; i++) {
    const res = await h.call('POST', '/coupons', {
      body: { name: `c${i}`, discountType: 'percentage', discountPercentage: 5 },
    })
    created.push(res.json.id)
  }
})
afterAll(() => h.close())

describe('collections', () => {
  it('have the collection shape with 20 results by default', async () => {
    const page = (await h.call('GET', '/coupons')).json
    expect(page).toMatchObject({ object: 'collection', maxResults: 20, results: 20 })
    expect(typeof page.pageToken).toBe('string')
    expect(typeof page.nextPageToken).toBe('string')
    expect(page.data).toHaveLength(20)
  })

  it('walk every object exactly once with maxResults and pageToken, newest first', async () => {
    const seen: string[] = []
    let token: string | undefined
    let pages = 0
    do {
      const query = `?maxResults=10${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`
      const page = (await h.call('GET', `/coupons${query}`)).json
      pages++
      expect(page.maxResults).toBe(10)
      expect(page.results).toBe(page.data.length)
      seen.push(...page.data.map((c: { id: string }) => c.id))
      token = page.nextPageToken
      if (pages === 3) expect('nextPageToken' in page).toBe(false)
    } while (token && pages < 10)
    expect(pages).toBe(3)
    expect(seen).toEqual([...created].reverse())
  })

  it('lists only the caller’s mode', async () => {
    const live = (await h.call('GET', '/coupons', { key: 'sk_live_other' })).json
    expect(live.results).toBe(0)
    expect(live.data).toEqual([])
    expect('nextPageToken' in live).toBe(false)
  })
})
