import type { D1Database } from '@cloudflare/workers-types'
import { describe, expectTypeOf, it } from 'vitest'
import { type D1Queryable, d1EventStore } from './d1EventStore.js'

describe('d1EventStore', () => {
  it("takes a Worker's D1 binding as its types declare it", () => {
    expectTypeOf<D1Database>().toExtend<D1Queryable>()
    const db = {} as D1Database
    d1EventStore(db)
  })
})
