import type { Rollup } from 'vite'

interface DevModuleGraph {
  getModuleById(id: string): { importers: Set<{ id: string | null }> } | undefined
}

/** The parts of a plugin context the chain walk reads. */
export interface ChainContext {
  getModuleIds(): IterableIterator<string>
  getModuleInfo(id: string): Rollup.ModuleInfo | null
  environment?: { moduleGraph?: DevModuleGraph }
}

/**
 * In a build, who imported whom as far as the graph is known when an import is being resolved:
 * module infos carry `importedIds` at that point, while `importers` is only filled in later.
 */
function buildImporters(context: ChainContext): (id: string) => string | undefined {
  const importers = new Map<string, string>()
  for (const id of context.getModuleIds()) {
    const info = context.getModuleInfo(id)
    for (const child of [...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? [])]) {
      if (!importers.has(child)) importers.set(child, id)
    }
  }
  return (id) => importers.get(id)
}

/** In `vite serve`, the environment's module graph knows importers (module infos do not). */
function devImporters(graph: DevModuleGraph): (id: string) => string | undefined {
  return (id) => {
    for (const parent of graph.getModuleById(id)?.importers ?? []) if (parent.id) return parent.id
    return undefined
  }
}

/**
 * The modules from an entry down to `importer`, entry first, each shown relative to `root`
 * (`node_modules` paths shortened to the package). Follows one importer of each module.
 */
export function importChain(context: ChainContext, importer: string, root: string): string[] {
  const graph = context.environment?.moduleGraph
  const importerOf = graph ? devImporters(graph) : buildImporters(context)
  const chain: string[] = []
  const seen = new Set<string>()
  for (let id: string | undefined = importer; id && !seen.has(id); ) {
    seen.add(id)
    chain.unshift(display(id, root))
    id = importerOf(id)
  }
  // The chain starts at the entry script, whether or not its HTML page is known yet.
  if (chain.length > 1 && chain[0]?.endsWith('.html')) chain.shift()
  return chain
}

function display(id: string, root: string): string {
  const path = id.replace(/[?#].*$/, '')
  const inPackage = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+\/.*)$/.exec(path)
  if (inPackage?.[1]) return inPackage[1]
  const base = root.endsWith('/') ? root : `${root}/`
  return path.startsWith(base) ? path.slice(base.length) : path
}
