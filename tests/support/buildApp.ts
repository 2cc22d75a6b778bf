import { build, type InlineConfig, mergeConfig, type Rollup } from 'vite'

/** What a build emitted, and its entry chunk. */
export interface BuiltApp {
  output: (Rollup.OutputChunk | Rollup.OutputAsset)[]
  /** The entry chunk. */
  entry: Rollup.OutputChunk
}

/**
 * A production build of a fixture app through Vite's JS API, in memory, minified, with source
 * maps. Vite's module-preload polyfill is left out so sizes measure our code, not Vite's.
 */
export async function buildApp(root: string, config: InlineConfig = {}): Promise<BuiltApp> {
  const base: InlineConfig = {
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'silent',
    cacheDir: `${root}/node_modules/.vite`,
    build: { write: false, sourcemap: true, modulePreload: { polyfill: false } },
  }
  const result = await build(mergeConfig(base, config))
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[]
  const output = outputs.flatMap((each) => each.output)
  const entry = output.find(
    (file): file is Rollup.OutputChunk => file.type === 'chunk' && file.isEntry,
  )
  if (!entry) throw new Error(`The build of ${root} emitted no entry chunk.`)
  return { output, entry }
}

/** The message of a failed build, colour codes removed (rolldown colours its diagnostics). */
export async function buildError(root: string, config: InlineConfig = {}): Promise<string> {
  try {
    await buildApp(root, config)
  } catch (error) {
    const errors = (error as { errors?: { message: string }[] }).errors
    const text = [String((error as Error).message), ...(errors ?? []).map((e) => e.message)]
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes
    return text.join('\n').replace(/\u001b\[[0-9;]*m/g, '')
  }
  throw new Error(`Expected the build of ${root} to fail, and it succeeded.`)
}
