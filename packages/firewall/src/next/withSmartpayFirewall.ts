import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PLUGIN_NAME } from '../served/messages.js'
import { INNER_ADAPTER_VARIABLE } from './innerAdapter.js'

/** The build adapter Next.js loads by path: `dist/next-adapter.js`, beside this module's build. */
const ADAPTER_PATH = join(dirname(fileURLToPath(import.meta.url)), 'next-adapter.js')

/** The part of a Next.js config this wrapper reads and sets. */
export interface NextConfigWithAdapter {
  /** Next.js's build adapter (`adapterPath`, stable since 16.2; `NEXT_ADAPTER_PATH` by default). */
  adapterPath?: string | undefined
}

/**
 * What the wrapper takes: any object (`object &`: a config sets no option of this interface, and
 * an interface of only optional options would refuse one with no option in common).
 */
type NextConfigObject = object & NextConfigWithAdapter

/** A Next.js config as a function of the phase, as `next.config.*` may export it. */
export type NextConfigFunction<Config extends NextConfigObject> = (
  phase: string,
  context: { defaultConfig: Config },
) => Config | Promise<Config>

/** Next.js's version in the project being built, or undefined where it cannot be read. */
function nextVersion(): string | undefined {
  try {
    const require = createRequire(join(process.cwd(), 'package.json'))
    return (require('next/package.json') as { version?: string }).version
  } catch {
    return undefined
  }
}

function withAdapter<Config extends NextConfigObject>(config: Config): Config {
  // Before 16.2 the option was `experimental.adapterPath`, with an earlier adapter API: a build
  // would not run the scan, and say nothing. Refuse instead.
  const [major = 0, minor = 0] = (nextVersion() ?? '16.2').split('.').map(Number)
  if (major < 16 || (major === 16 && minor < 2)) {
    throw new Error(
      `[${PLUGIN_NAME}] withSmartpayFirewall needs Next.js 16.2 or newer (its build adapter API); this is ${nextVersion()}. ` +
        'Upgrade Next.js, or run `npx -p @smartpay-kit/firewall smartpay-firewall scan .` after `next build`.',
    )
  }
  const inner = config.adapterPath ?? process.env.NEXT_ADAPTER_PATH
  if (inner && inner !== ADAPTER_PATH) process.env[INNER_ADAPTER_VARIABLE] = inner
  return { ...config, adapterPath: ADAPTER_PATH }
}

/**
 * Wraps a Next.js config so that `next build` fails, with Turbopack or webpack, when anything a
 * browser can fetch holds a Smartpay secret key, as is or encoded: `.next/static`, prerendered
 * HTML, RSC payloads and route bodies (and their headers), `out/` with `output: 'export'`, and
 * `public/`. It sets Next.js's build adapter (`adapterPath`), whose `onBuildComplete` runs after
 * every page is prerendered; an adapter the app already had (`adapterPath`, `NEXT_ADAPTER_PATH`)
 * still runs, after the scan. It also refuses, in `next build` and `next dev`, a `NEXT_PUBLIC_`
 * env var or an `env` entry of the config that holds a key: Next.js inlines both into client
 * code. Messages show key fingerprints only.
 * @example
 * // next.config.mjs
 * import { withSmartpayFirewall } from '@smartpay-kit/firewall/next'
 * export default withSmartpayFirewall({ experimental: { taint: true } })
 */
export function withSmartpayFirewall<Config extends NextConfigObject>(config: Config): Config
/** The same, for a config exported as a function of the phase. */
export function withSmartpayFirewall<Config extends NextConfigObject>(
  config: NextConfigFunction<Config>,
): NextConfigFunction<Config>
export function withSmartpayFirewall<Config extends NextConfigObject>(
  config: Config | NextConfigFunction<Config>,
): Config | NextConfigFunction<Config> {
  if (typeof config !== 'function') return withAdapter(config)
  return async (phase, context) => withAdapter(await config(phase, context))
}
