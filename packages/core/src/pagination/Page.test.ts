import { describe, expect, it } from 'vitest'
import { NotFoundError } from '../errors/errors.js'
import { ApiPromise, type ResponseMeta } from '../transport/ApiPromise.js'
import { type Collection, PagePromise } from './Page.js'

const meta = (requestId: string): ResponseMeta => ({
  status: 200,
  method: 'GET',
  path: '/orders',
  idempotencyKey: undefined,
  idempotentReplayed: false,
  requestId,
  attempts: 1,
  headers: new Headers({ 'request-id': requestId }),
})

/** A two-page list of numbers, counting the pages it is asked for. */
function twoPages() {
  const calls: (string | undefined)[] = []
  const list = new PagePromise<number>((token) => {
    calls.push(token)
    const page: Collection<number> =
      token === undefined ? { data: [1, 2], nextPageToken: 'next_A' } : { data: [3] }
    return new ApiPromise(Promise.resolve({ data: page, meta: meta(`req_${calls.length}`) }))
  })
  return { calls, list }
}

function failing() {
  let calls = 0
  const list = new PagePromise<number>(() => {
    calls++
    return new ApiPromise<Collection<number>>(
      Promise.reject(new NotFoundError('[HTTP 404] GET /orders', { status: 404 })),
    )
  })
  return { list, calls: () => calls }
}

describe('PagePromise', () => {
  it('catches a failed first page with catch(), as a promise does', async () => {
    const { list } = failing()
    const caught = await list.catch((error: unknown) => error)
    expect(caught).toBeInstanceOf(NotFoundError)
  })

  it('runs finally() on success and on failure, passing the outcome through', async () => {
    const ran: string[] = []
    const page = await twoPages().list.finally(() => ran.push('ok'))
    expect(page.data).toEqual([1, 2])
    await expect(failing().list.finally(() => ran.push('failed'))).rejects.toBeInstanceOf(
      NotFoundError,
    )
    expect(ran).toEqual(['ok', 'failed'])
  })

  it('is tagged PagePromise and works with Promise.all and Promise.allSettled', async () => {
    const { list } = twoPages()
    expect(Object.prototype.toString.call(list)).toBe('[object PagePromise]')
    const [page, n] = await Promise.all([list, 7])
    expect(page.data).toEqual([1, 2])
    expect(n).toBe(7)
    const [settled] = await Promise.allSettled([failing().list])
    expect(settled?.status).toBe('rejected')
  })

  it('gives the first page with its metadata from withMeta()', async () => {
    const { data, meta: first } = await twoPages().list.withMeta()
    expect(data.data).toEqual([1, 2])
    expect(data.hasNextPage()).toBe(true)
    expect(first.requestId).toBe('req_1')
  })

  it('fetches the first page once however it is awaited, caught or iterated', async () => {
    const { calls, list } = twoPages()
    await list
    await list.catch(() => undefined)
    await list.finally(() => {})
    await list.withMeta()
    const items: number[] = []
    for await (const item of list) items.push(item)
    expect(items).toEqual([1, 2, 3])
    expect(calls).toEqual([undefined, 'next_A'])
  })

  it('fetches the first page once when it fails, and rethrows the same error', async () => {
    const { list, calls } = failing()
    const first = await list.catch((error: unknown) => error)
    const second = await list.then(undefined, (error: unknown) => error)
    expect(second).toBe(first)
    expect(calls()).toBe(1)
  })
})
