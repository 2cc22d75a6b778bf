import { afterEach, describe, expect, it, vi } from 'vitest'
import { BrowserEnvironmentError } from './BrowserEnvironmentError.js'
import { createServerClient } from './createServerClient.js'
import { frameworkBuild, readEnv } from './env.js'

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
describe('in a simulated browser page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('createServerClient refuses to start, and says to roll the key', () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    vi.stubGlobal('navigator', { userAgent: CHROME })
    let error: unknown
    // Hide Node for the synchronous call only; vitest itself needs `process` back right after.
    vi.stubGlobal('process', undefined)
    try {
      createServerClient({ secretKey: 'sk_test_Ho1BrYTcg3gAX4vTKk1taz' })
    } catch (caught) {
      error = caught
    } finally {
      vi.unstubAllGlobals()
    }
    expect(error).toBeInstanceOf(BrowserEnvironmentError)
    expect((error as Error).message).toMatch(/roll it/)
    expect((error as Error).message).toContain('@smartpay-kit/public-client')
    expect((error as Error).message).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
  })
})

describe('readEnv', () => {
  it('reads process.env', () => {
    const globals = { process: { env: { SMARTPAY_SECRET_KEY: 'sk_test_a' } } }
    expect(readEnv('SMARTPAY_SECRET_KEY', { globals })).toBe('sk_test_a')
  })

  it('reads Deno.env', () => {
    const Deno = {
      env: { get: (name: string) => (name === 'SMARTPAY_SECRET_KEY' ? 'sk_live_d' : undefined) },
    }
    expect(readEnv('SMARTPAY_SECRET_KEY', { globals: { Deno } })).toBe('sk_live_d')
  })

  it('gives undefined where there is no env, or reading it throws', () => {
    expect(readEnv('SMARTPAY_SECRET_KEY', { globals: {} })).toBeUndefined()
    const denied = {
      get: () => {
        throw new Error('PermissionDenied: Requires env access')
      },
    }
    expect(readEnv('SMARTPAY_SECRET_KEY', { globals: { Deno: { env: denied } } })).toBeUndefined()
  })

  it('gives undefined for an empty value, as CI sets a secret that is missing', () => {
    const globals = { process: { env: { SMARTPAY_SECRET_KEY: '' } } }
    expect(readEnv('SMARTPAY_SECRET_KEY', { globals })).toBeUndefined()
  })

  it('does not ask Deno for a variable without access, when told not to ask', () => {
    const asked: string[] = []
    const Deno = (state: string) => ({
      env: {
        get: (name: string) => {
          asked.push(name)
          return 'https://127.0.0.1:4242/v1'
        },
      },
      permissions: { querySync: () => ({ state }) },
    })
    const name = 'SMARTPAY_API_PREFIX'
    expect(readEnv(name, { ask: false, globals: { Deno: Deno('prompt') } })).toBeUndefined()
    expect(asked).toEqual([])
    expect(readEnv(name, { ask: false, globals: { Deno: Deno('granted') } })).toBe(
      'https://127.0.0.1:4242/v1',
    )
    expect(asked).toEqual([name])
  })
})

describe('frameworkBuild', () => {
  const env = (vars: Record<string, string>) => ({ process: { env: vars } })

  it("names the framework build this process is: Next.js's build workers, SvelteKit's", () => {
    expect(frameworkBuild(env({ NEXT_PHASE: 'phase-production-build' }))).toBe(
      'NEXT_PHASE=phase-production-build',
    )
    expect(frameworkBuild(env({ SVELTEKIT_FORK: 'true' }))).toBe('SVELTEKIT_FORK=true')
  })

  it('is undefined at run time: next start, next dev, no framework', () => {
    expect(frameworkBuild(env({ NEXT_PHASE: 'phase-production-server' }))).toBeUndefined()
    expect(frameworkBuild(env({ NEXT_PHASE: 'phase-development-server' }))).toBeUndefined()
    expect(frameworkBuild(env({}))).toBeUndefined()
    expect(frameworkBuild({})).toBeUndefined()
  })
})
