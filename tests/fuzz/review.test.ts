import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SecretKey } from '../../packages/core/src/index.js'
import { KEY_FORMS, leaks } from '../support/keyForms.js'
import { type EchoServers, PLACES, startEchoServers } from './echoServer.js'

// Issue 19's review: the key sent back by a server in 16 forms (the raw key and 15 encodings),
// in 5 places, with each auth scheme: 160 cases, every surface the client exposes read for it
// (error fields and cause chain, toJSON, util.inspect, stack; meta and its headers; hooks;
// the smartpay:request channel). 106 leaked before the fix. The count is printed, then held
// at 0. (To measure another version of core, run this file against its source.)
const KEY: SecretKey = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'
const DECOY = 'sk_live_0000000000000000000000'

/** The review's 16 forms. */
const REVIEW_FORMS = {
  raw: KEY_FORMS.raw,
  'Basic credentials': KEY_FORMS.basic,
  'Bearer credentials': (key: string) => `Bearer ${key}`,
  base64: KEY_FORMS.base64,
  base64url: KEY_FORMS.base64url,
  'in a URL': (key: string) => `https://proxy.example/auth?key=${key}&retry=1`,
  'percent-encoded': KEY_FORMS.percentAll,
  '%5F for _': KEY_FORMS.underscorePercent,
  '\\u005f for _': KEY_FORMS.underscoreJson,
  '&#95; for _': KEY_FORMS.underscoreEntity,
  'upper case': KEY_FORMS.upper,
  hex: KEY_FORMS.hex,
  reversed: KEY_FORMS.reversed,
  'double base64': KEY_FORMS.doubleBase64,
  'split by a newline': KEY_FORMS.splitNewline,
  'split by a zero-width space': KEY_FORMS.splitZeroWidth,
}

let servers: EchoServers
beforeAll(async () => {
  servers = await startEchoServers()
})
afterAll(() => servers?.close())

describe('the review’s 160 cases', () => {
  it('leak the key on no surface', async ({ annotate }) => {
    const leaked: string[] = []
    let cases = 0
    for (const place of PLACES) {
      for (const [name, form] of Object.entries(REVIEW_FORMS)) {
        for (const scheme of ['basic', 'bearer'] as const) {
          cases++
          const { echoed, texts, failed } = await servers.call(place, form, KEY, scheme)
          expect(failed, `${place}, ${name}`).toBe(place !== 'success headers')
          // What the form adds around the key (`Bearer `, a URL) is not the key, nor are the
          // last 4 characters its fingerprint shows: the same form of a decoy key with them.
          const shown = `${form(DECOY)} ${form(DECOY.slice(0, -4) + KEY.slice(-4))}`
          const runs = leaks(texts.join('\n'), KEY, echoed, shown)
          if (runs.length) leaked.push(`${place} / ${name} / ${scheme}: ${runs.slice(0, 3)}`)
        }
      }
    }
    const summary = `${leaked.length} of ${cases} cases leak`
    console.log(`review: ${summary}${leaked.length ? `\n  ${leaked.join('\n  ')}` : ''}`)
    await annotate(summary)
    expect(cases).toBe(160)
    expect(leaked).toEqual([])
  })
})
