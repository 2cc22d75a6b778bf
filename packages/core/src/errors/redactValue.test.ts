import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KEY_FORMS, leaks } from '../../../../tests/support/keyForms.js'
import { redactKeysDeep } from './redactDeep.js'
import { redactHeaders, redactValue } from './redactValue.js'

const KEY = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'
const FORMS = Object.values(KEY_FORMS)

describe('redactHeaders', () => {
  it('shows a value that holds a key as its fingerprint (in ASCII), drops a name that holds one', () => {
    const headers = new Headers({
      'request-id': `Basic ${btoa(`${KEY}:`)}`,
      [`x-${KEY.toLowerCase()}`]: '1',
      via: 'proxy',
    })
    const safe = redactHeaders(headers, redactKeysDeep)
    expect([...safe]).toEqual([
      ['request-id', 'sk_live_...1taz'],
      ['via', 'proxy'],
    ])
    expect(headers.get('request-id')).toBe(`Basic ${btoa(`${KEY}:`)}`)
  })

  it('returns the same Headers when none holds a key', () => {
    const headers = new Headers({ 'content-type': 'application/json', 'x-trace': 'c2tfbGl2' })
    expect(redactHeaders(headers)).toBe(headers)
  })

  it('leaves no form of a key in any header value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMS), (form) => {
        // A header value is Latin-1 and one line: the forms that are not, as a server sends them.
        const echoed = form(KEY)
          .replace(/[\r\n]+/g, ' ')
          .replace(/[^\0-\xff]/g, '')
        const safe = redactHeaders(new Headers({ 'x-echo': echoed }), redactKeysDeep)
        expect(leaks(JSON.stringify([...safe]), KEY, echoed)).toEqual([])
      }),
    )
  })
})

describe('redactValue', () => {
  it('redacts strings, and names and values through JSON, keeping what holds no key', () => {
    const clean = { id: 'order_test_1', items: [{ amount: 1 }] }
    expect(redactValue(clean)).toBe(clean)
    expect(
      redactValue({ list: [1, { [KEY]: KEY.toUpperCase() }], deep: [[[`x ${KEY}`]]] }),
    ).toEqual({
      list: [1, { 'sk_live_…1taz': 'sk_live_…1TAZ' }],
      deep: [[['x sk_live_…1taz']]],
    })
    expect(redactValue(`a ${KEY_FORMS.splitNewline(KEY)}`)).toBe('a sk_live_…1taz')
  })

  it('keeps an error as it is: its cause chain is the transport’s to redact', () => {
    const error = new Error(KEY)
    expect(redactValue(error)).toBe(error)
  })
})
