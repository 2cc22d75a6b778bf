import { describe, expect, it } from 'vitest'
import { TYPESCRIPT } from './globalSetup.js'
import { project, tsc } from './helpers.js'

// What the server client's types cost a user's compiler, from the packed tarballs' .d.ts files:
// projects/type-cost/app.ts, a shop's backend in five calls (create a checkout session, read it
// with `expand: 'all'`, read an order, capture, refund), strict, skipLibCheck as most projects
// (and Next.js) set it. An instantiation count is deterministic for a given compiler version.
// Issue 18 asked for at most 15,000 (the inferred params and responses cost 25,731 on
// TypeScript 6); the budget holds today's few hundred with room, so that a regression shows.

const BUDGET = 1_500
const dir = project('type-cost')

describe.concurrent('the types, in a five-call app', () => {
  it.each(Object.entries(TYPESCRIPT))(
    'type-check with few instantiations under TypeScript %s (%s)',
    async (alias) => {
      const { code, errors } = await tsc(alias, dir, 'tsconfig.json', ['--extendedDiagnostics'])
      const instantiations = Number(/^Instantiations:\s+(\d+)$/m.exec(errors)?.[1])
      expect({ code, errorLines: errors.split('\n').filter((l) => / error TS/.test(l)) }).toEqual({
        code: 0,
        errorLines: [],
      })
      console.log(`${alias}: ${instantiations} instantiations`)
      expect(instantiations).toBeGreaterThan(0)
      expect(instantiations).toBeLessThanOrEqual(BUDGET)
    },
  )

  it.each(Object.entries(TYPESCRIPT))(
    'name the params interface in the error of a missing field under TypeScript %s (%s)',
    async (alias) => {
      const { code, errors } = await tsc(alias, dir, 'tsconfig.missing-field.json')
      expect(code).not.toBe(0)
      expect(errors).toMatch(
        /Property 'cancelUrl' is missing in type '.*' but required in type 'CreateCheckoutSessionParams'/,
      )
      // Not the structure a schema infers, as before: `{ amount?: number | undefined; … }`.
      expect(errors).not.toContain('amount?: number | undefined')
    },
  )
})
