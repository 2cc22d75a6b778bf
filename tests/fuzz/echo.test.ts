import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SecretKey } from '../../packages/core/src/index.js'
import { anyKey, KEY_FORMS, leaks } from '../support/keyForms.js'
import corpus from './corpus.json' with { type: 'json' }
import { asHeader, type EchoServers, PLACES, type Place, startEchoServers } from './echoServer.js'

// Every form the redaction knows (tests/support/keyForms.ts), in every place, through a real
// local HTTPS server, read on every surface; then random keys, forms and places; then every
// echo the corpus holds. A form or text that leaks is added to keyForms.ts or corpus.json.
const KEY: SecretKey = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'
const DECOY = 'sk_live_0000000000000000000000'

let servers: EchoServers
beforeAll(async () => {
  servers = await startEchoServers()
})
afterAll(() => servers?.close())

/** The runs of `key` left on any surface when a server echoes it as `form` at `place`. */
async function leaked(place: Place, form: (key: string) => string, key: string) {
  const { echoed, texts } = await servers.call(place, form, key as SecretKey, 'basic')
  // What does not depend on the key's body, or shows only its fingerprint's last 4: the same
  // form of a decoy key (as a header carries it, where it went into one).
  const decoy = DECOY.slice(0, 8) + key.slice(8).replace(/./g, '0')
  const as = place.endsWith('headers') ? asHeader : (text: string) => text
  const shown = `${as(form(decoy))} ${as(form(decoy.slice(0, -4) + key.slice(-4)))}`
  return leaks(texts.join('\n'), key, echoed, shown)
}

describe('a key echoed by a real server', () => {
  it.each(PLACES)('leaks in no form at %s', async (place) => {
    const found: string[] = []
    for (const [name, form] of Object.entries(KEY_FORMS)) {
      const runs = await leaked(place, form, KEY)
      if (runs.length) found.push(`${name}: ${runs.slice(0, 3)}`)
    }
    expect(found).toEqual([])
  })

  it('leaks for no key, form and place', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyKey.filter((key) => key.startsWith('sk_')),
        fc.constantFrom(...Object.values(KEY_FORMS)),
        fc.constantFrom(...PLACES),
        async (key, form, place) => {
          expect(await leaked(place, form, key)).toEqual([])
        },
      ),
      { numRuns: 40 },
    )
  })

  it.each(corpus.echoes)('leaks in none of the corpus’s echoes: $note', async (echo) => {
    // The form (a KEY_FORMS name) of the key the server received, at `{}` in `around`.
    const inner = KEY_FORMS[echo.form as keyof typeof KEY_FORMS]
    expect(inner, echo.form).toBeDefined()
    const form = (key: string) => echo.around.replace('{}', inner(key))
    for (const place of PLACES) expect(await leaked(place, form, KEY), place).toEqual([])
  })
})
