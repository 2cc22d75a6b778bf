// The Next.js build adapter `withSmartpayFirewall` sets (`adapterPath`): Next.js imports it by
// path (dist/next-adapter.js) in `next build`, `next dev` and `next start`.
import { existsSync, readFileSync } from 'node:fs'
import { framework, servedDirs } from '../frameworks.js'
import { findSecretKey } from '../scan/findSecretKeys.js'
import {
  keyInBundleMessage,
  keyInClientConfigMessage,
  keyInEnvMessage,
} from '../served/messages.js'
import { createServedScan, type PendingFile, shownPath } from '../served/servedScan.js'
import { type Adapter, type BuildComplete, innerAdapter, type NextConfig } from './innerAdapter.js'

const NEXT = framework('next')

/** The entries of `values` that hold a secret key, with its fingerprint. */
function withKeys(values: Record<string, string | undefined>) {
  return Object.entries(values).flatMap(([name, value]) => {
    const key = value === undefined ? undefined : findSecretKey(name, value)
    return key ? [{ name, key }] : []
  })
}

/** `NEXT_PUBLIC_` env vars and `env` entries are inlined into client code: refuse a key there. */
function refuseClientEnv(config: NextConfig): void {
  const prefixes = NEXT.publicEnvPrefixes
  const exposed = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => prefixes.some((each) => name.startsWith(each))),
  )
  const variables = withKeys(exposed)
  if (variables.length > 0) throw refusal(keyInEnvMessage(variables, prefixes))
  const entries = withKeys(config.env ?? {})
  if (entries.length > 0) {
    throw refusal(keyInClientConfigMessage(entries, 'The `env` of next.config'))
  }
}

/**
 * The files Next.js lists as served, read as they are on disk: static files by path, and
 * prerendered pages, payloads and route bodies by the URL they answer, with their source page.
 */
function listedFiles({ outputs, projectDir }: BuildComplete): PendingFile[] {
  const sources = new Map(
    [...outputs.pages, ...outputs.appPages, ...outputs.appRoutes].map(({ id, sourcePage }) => [
      id,
      sourcePage,
    ]),
  )
  const files = new Map<string, Omit<PendingFile, 'bytes'>>()
  for (const { filePath } of outputs.staticFiles) {
    files.set(filePath, { path: filePath, shown: shownPath(filePath, projectDir) })
  }
  for (const { pathname, parentOutputId, fallback } of outputs.prerenders) {
    if (!fallback?.filePath) continue
    const source = sources.get(parentOutputId)
    files.set(fallback.filePath, {
      path: fallback.filePath,
      shown: `${pathname} (prerendered)`,
      ...(source ? { module: () => source } : {}),
    })
  }
  return [...files.values()]
    .filter(({ path }) => existsSync(path))
    .map((file) => ({ ...file, bytes: readFileSync(file.path) }))
}

/** Everything a browser can fetch after the build: what Next.js lists, its folders, public/. */
function keysInServedOutput(context: BuildComplete) {
  const { projectDir, distDir, config } = context
  const scan = createServedScan()
  const found = scan.pending(listedFiles(context))
  // With `output: 'export'` only out/ is served, and Next.js lists all of it.
  const dirs = config.output === 'export' ? [] : servedDirs(NEXT, projectDir, distDir)
  found.push(...scan.served(dirs, projectDir))
  const written = config.output === 'export' ? 'out' : `${shownPath(distDir, projectDir)}, public`
  return found.length > 0 ? keyInBundleMessage(found, written) : undefined
}

/** An error Next.js prints without a stack: it would only point into this file. */
function refusal(message: string): Error {
  const error = new Error(message)
  error.stack = `${error.name}: ${message}`
  return error
}

const adapter: Adapter = {
  name: 'smartpay-firewall',
  async modifyConfig(config, context) {
    const own = await innerAdapter()
    const modified = own?.modifyConfig ? await own.modifyConfig(config, context) : config
    if (context.phase === 'phase-production-build' || context.phase === 'phase-development-server')
      refuseClientEnv(modified)
    return modified
  },
  async onBuildComplete(context) {
    const message = keysInServedOutput(context)
    if (message) throw refusal(message)
    await (await innerAdapter())?.onBuildComplete?.(context)
  },
}

export default adapter
