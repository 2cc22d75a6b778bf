// Builds the API reference in docs/api from the JSDoc of every public entry point, straight from
// `src` (no build needed). Fails on any warning, including an exported declaration without a
// comment. Options live in typedoc.json; this file adds what TypeDoc cannot be told there:
// - entry points are read from each package's `exports` map (the `@smartpay-kit/source`
//   condition), so a new subpath export is documented, and checked, without editing a list;
// - each module is named by its import specifier (`@smartpay-kit/server-client/webhooks`),
//   not by its folder;
// - "X has multiple declarations with a comment" is dropped when every declaration is the same
//   spot: valibot's Infer* mapped types repeat a property's one declaration, so the comment
//   TypeDoc picks is the only one there is. Two real, different comments still fail.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import {
  Application,
  ArgumentsReader,
  Converter,
  ReflectionKind,
  TSConfigReader,
  TypeDocReader,
} from 'typedoc'

const root = resolve(import.meta.dirname, '..')
const SOURCE = '@smartpay-kit/source'

/** Import specifier by absolute source path, from every workspace package's `exports`. */
const specifiers = new Map()
for (const dir of readdirSync(join(root, 'packages'))) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'))
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const source = typeof target === 'object' ? target?.[SOURCE] : undefined
    if (source) {
      specifiers.set(resolve(root, 'packages', dir, source), pkg.name + subpath.slice(1))
    }
  }
}

// The readers `typedoc` itself uses: typedoc.json, then CLI flags (`node scripts/docs.mjs --json x`).
const app = await Application.bootstrapWithPlugins({}, [
  new ArgumentsReader(0),
  new TypeDocReader(),
  new TSConfigReader(),
  new ArgumentsReader(300),
])
app.options.setValue(
  'entryPoints',
  [...specifiers.keys()].map((file) => relative(root, file)),
)

const { warn, info } = app.logger
let held
app.logger.warn = function (message, ...rest) {
  if (held) warn.call(this, held)
  held = /has multiple declarations with a comment/.test(message) ? message : undefined
  if (!held) warn.call(this, message, ...rest)
}
app.logger.info = function (message, ...rest) {
  if (held) {
    const sites = String(message)
      .split('\n')
      .slice(1)
      .map((line) => line.trim())
    const oneSite = sites.length > 1 && sites.every((site) => site === sites[0])
    if (!oneSite) {
      warn.call(this, held)
      info.call(this, message, ...rest)
    }
    held = undefined
    return
  }
  info.call(this, message, ...rest)
}

app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
  for (const module of context.project.getChildrenByKind(ReflectionKind.Module)) {
    const file = context.project.getSymbolIdFromReflection(module)?.fileName
    const name = file && specifiers.get(resolve(file))
    if (name) module.name = name
  }
})

// As `typedoc` runs it, minus watch mode; any warning fails the run (treatWarningsAsErrors).
const failed = () => app.logger.hasErrors() || app.logger.hasWarnings()
const project = await app.convert()
if (!project || failed()) exit()
app.validate(project)
if (failed()) exit()
await app.generateOutputs(project)
if (failed()) exit()
app.logger.info(`API reference for ${[...specifiers.values()].join(', ')}`)

function exit() {
  const { errorCount, warningCount } = app.logger
  app.logger.error(`API reference failed: ${errorCount} errors, ${warningCount} warnings above.`)
  process.exit(1)
}
