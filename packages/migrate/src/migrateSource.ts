import type { Binding, NodePath } from '@babel/traverse'
import * as t from '@babel/types'
import { convertConstructor, type InstanceTarget } from './convert/constructor.js'
import { writeImports } from './convert/imports.js'
import { convertInstanceCall } from './convert/instanceCall.js'
import { convertStaticMember } from './convert/staticMember.js'
import { convertWebhookRoutes } from './convert/webhookRoute.js'
import { FileMigration, type Finding } from './FileMigration.js'
import {
  ALL_INSTANCE_METHODS,
  ID_VALIDATORS,
  INSTANCE_METHODS,
  OFFICIAL_MODULE,
} from './officialSdk.js'
import { isModuleFile, parseSource, programPath } from './parseSource.js'

/** What the codemod made of one file. */
export interface SourceMigration {
  /** The file's new text (the same text when nothing changed). */
  code: string
  changed: boolean
  /** Official call sites found, and how many were converted. */
  sites: number
  converted: number
  /** Left as they were, and why. */
  todos: Finding[]
  /** Converted, with a difference in behaviour worth checking. */
  notes: Finding[]
  /** Names under which the file exports an official SDK instance (`default` for the default). */
  exportsInstance: string[]
}

/** What the codemod knows about the other files of the project. */
export interface SourceContext {
  /** The names a module exports official SDK instances under, by the import's specifier. */
  instancesExportedBy?: (specifier: string) => readonly string[] | undefined
}

/** One conversion to run; inner ones run first so that outer ones take their edited text. */
type Job = { node: t.Node; run: () => void }

/**
 * Rewrites one file's uses of @smartpay/sdk-node for @smartpay-kit/server-client, keeping every
 * untouched byte as it was. Throws the parser's SyntaxError on a file it cannot parse.
 */
export function migrateSource(
  code: string,
  filename: string,
  context: SourceContext = {},
): SourceMigration {
  const file = new FileMigration(code, filename)
  const program = programPath(parseSource(code, filename))
  const module = isModuleFile(filename, program.node)
  const jobs: Job[] = []
  const classes: Binding[] = []
  const validators = new Map<Binding, string>()
  const instances: Binding[] = []
  const instanceTexts = new Set<string>()
  const officialImports: NodePath[] = []
  const converted = new Set<t.Node>()

  // 1. What the file imports: the class, the validators, and instances from other files.
  program.traverse({
    ImportDeclaration(path) {
      const source = path.node.source.value
      if (source === OFFICIAL_MODULE) {
        officialImports.push(path)
        for (const spec of path.node.specifiers) {
          const binding = path.scope.getBinding(spec.local.name)
          if (!binding) continue
          const imported = t.isImportSpecifier(spec) ? importedName(spec) : 'default'
          if (imported === 'default') classes.push(binding)
          else if (imported in ID_VALIDATORS) validators.set(binding, imported)
          else if (t.isImportNamespaceSpecifier(spec)) classes.push(binding)
        }
        return
      }
      const exported = context.instancesExportedBy?.(source)
      if (!exported?.length) return
      for (const spec of path.node.specifiers) {
        const imported = t.isImportSpecifier(spec) ? importedName(spec) : 'default'
        const binding = path.scope.getBinding(spec.local.name)
        if (binding && exported.includes(imported)) instances.push(binding)
      }
    },
    CallExpression(path) {
      const source = requiredModule(path.node)
      if (source === undefined) return
      const declarator = requireDeclarator(path)
      if (source === OFFICIAL_MODULE) {
        if (!declarator) return
        officialImports.push(declarator.parentPath as NodePath)
        const { id } = declarator.node
        if (t.isIdentifier(id)) {
          const binding = declarator.scope.getBinding(id.name)
          if (binding) classes.push(binding)
        } else if (t.isObjectPattern(id)) {
          for (const p of id.properties) {
            if (!t.isObjectProperty(p) || !t.isIdentifier(p.value)) continue
            const imported = t.isIdentifier(p.key) ? p.key.name : undefined
            const binding = declarator.scope.getBinding(p.value.name)
            if (!binding || !imported) continue
            if (imported === 'default') classes.push(binding)
            else if (imported in ID_VALIDATORS) validators.set(binding, imported)
          }
        }
        return
      }
      const exported = context.instancesExportedBy?.(source)
      if (!exported?.length || !declarator) return
      const { id } = declarator.node
      if (t.isIdentifier(id) && exported.includes('default')) {
        const binding = declarator.scope.getBinding(id.name)
        if (binding) instances.push(binding)
      } else if (t.isObjectPattern(id)) {
        for (const p of id.properties) {
          if (!t.isObjectProperty(p) || !t.isIdentifier(p.key) || !t.isIdentifier(p.value)) continue
          const binding = declarator.scope.getBinding(p.value.name)
          if (binding && exported.includes(p.key.name)) instances.push(binding)
        }
      }
    },
  })
  if (officialImports.length === 0 && instances.length === 0) return unchanged(code)

  // 2. The class: constructions, statics, constants. A `require(…).default` binding or a
  // namespace import (`sdk.default`) counts as the class too.
  const targets: InstanceTarget[] = []
  for (const binding of classes) {
    for (const ref of binding.referencePaths) {
      const classRef = uncast(namespaceDefault(ref) ?? ref)
      const parent = classRef.parentPath
      if (!parent) continue
      if (parent.isNewExpression() && parent.node.callee === classRef.node) {
        converted.add(ref.node)
        jobs.push({
          node: parent.node,
          run: () => void targets.push(convertConstructor(file, parent)),
        })
      } else if (
        parent.isMemberExpression() &&
        parent.node.object === classRef.node &&
        !parent.node.computed
      ) {
        const name = (parent.node.property as t.Identifier).name
        if (name === 'expressWebhookMiddleware') continue // with its route, below
        converted.add(ref.node)
        jobs.push({ node: parent.node, run: () => convertStaticMember(file, parent, name, module) })
      } else if (!t.isImportDefaultSpecifier(parent.node) && !t.isImportSpecifier(parent.node)) {
        file.todo(ref.node, 'the official SDK class used in a way this codemod does not convert')
      }
    }
  }
  // `InstanceType<typeof Smartpay>` (type positions are not scope references): `ServerClient`.
  program.traverse({
    TSTypeQuery(parent) {
      const name = t.isIdentifier(parent.node.exprName) ? parent.node.exprName.name : undefined
      if (!name || !classes.includes(parent.scope.getBinding(name) as Binding)) return
      const reference = parent.parentPath?.parentPath
      if (!reference?.isTSTypeReference()) return
      if (file.source(reference.node.typeName) !== 'InstanceType') return
      converted.add(parent.node)
      // `function capture(client: InstanceType<typeof Smartpay>)`: the parameter is a client.
      const annotated = reference.parentPath?.parentPath
      if (reference.parentPath?.isTSTypeAnnotation() && annotated?.isIdentifier()) {
        const binding = annotated.scope.getBinding(annotated.node.name)
        if (binding?.identifier === annotated.node) instances.push(binding)
      }
      jobs.push({
        node: reference.node,
        run: () => {
          file.replace(reference.node, file.useType('ServerClient'))
          file.done(reference.node)
        },
      })
    },
  })
  for (const [binding, name] of validators) {
    for (const ref of binding.referencePaths) {
      const call = ref.parentPath
      if (call?.isCallExpression() && call.node.callee === ref.node) {
        converted.add(ref.node)
        const kind = ID_VALIDATORS[name] as string
        jobs.push({
          node: call.node,
          run: () => {
            file.replace(ref.node, file.use('isValidId', call))
            const [first] = call.node.arguments
            if (first) file.text.appendLeft(first.start ?? 0, `${file.string(kind)}, `)
            else file.text.appendLeft((call.node.end ?? 1) - 1, file.string(kind))
            file.done(call.node)
          },
        })
      } else {
        file.todo(
          ref.node,
          `${name} used as a value: isValidId('${kind(name)}', id) takes the kind first`,
        )
      }
    }
  }
  runJobs(jobs)
  jobs.length = 0
  // Webhook routes run with the calls on instances: inner edits first, then the route around them.
  jobs.push(...convertWebhookRoutes(file, program, classes, converted))

  // 3. Calls on the instances: this file's (and where they go), and those imported.
  for (const target of targets) {
    if (target.kind === 'binding') {
      const id = target.path.node.id as t.Identifier
      const binding = target.path.scope.getBinding(id.name)
      if (binding) instances.push(binding)
      if (target.path.parentPath?.parentPath?.isExportNamedDeclaration())
        file.exportsInstance.add(id.name)
    } else if (target.kind === 'expression') instanceTexts.add(target.text)
    else if (target.kind === 'export') file.exportsInstance.add(target.name)
  }
  for (const binding of instances) {
    for (const ref of binding.referencePaths) {
      const member = ref.parentPath
      if (member?.isMemberExpression() && member.node.object === ref.node) {
        instanceCall(file, member, converted, jobs)
      } else if (member?.isExportSpecifier()) {
        file.exportsInstance.add(
          t.isIdentifier(member.node.exported)
            ? member.node.exported.name
            : member.node.exported.value,
        )
      } else if (member?.isObjectProperty() && isModuleExports(member.parentPath?.parentPath)) {
        const key = member.node.key
        if (t.isIdentifier(key)) file.exportsInstance.add(key.name)
      } else if (
        member?.isAssignmentExpression() &&
        file.source(member.node.left).replace(/\s+/g, '') === 'module.exports'
      ) {
        file.exportsInstance.add('default')
      } else if (member?.isExportDefaultDeclaration()) {
        file.exportsInstance.add('default')
      }
    }
  }
  if (instanceTexts.size) {
    program.traverse({
      MemberExpression(member) {
        const object = member.node.object
        if (
          t.isMemberExpression(object) &&
          instanceTexts.has(file.source(object).replace(/\s+/g, ''))
        ) {
          instanceCall(file, member, converted, jobs)
        }
      },
    })
  }
  runJobs(jobs)

  // 4. `catch (error) { error.statusCode }` around converted calls: the fields are `status` and
  // `code` here, and the old names would silently read `undefined`.
  const calls = [...converted]
  program.traverse({
    CatchClause(clause) {
      const param = clause.node.param
      const block = clause.parentPath.node as t.TryStatement
      if (!t.isIdentifier(param) || !calls.some((node) => inside(node, block.block))) return
      const binding = clause.scope.getBinding(param.name)
      for (const ref of binding?.referencePaths ?? []) {
        const member = ref.parentPath
        if (
          !member?.isMemberExpression() ||
          member.node.object !== ref.node ||
          member.node.computed
        )
          continue
        const name = t.isIdentifier(member.node.property) ? member.node.property.name : ''
        const renamed = ERROR_FIELDS[name]
        if (!renamed) continue
        file.replace(member.node.property, renamed)
        file.notes.push({
          line: file.line(member.node),
          why: `${param.name}.${name} is ${param.name}.${renamed} here (a 401 now has a code too; a network failure is a ConnectionError with no status, not -1)`,
        })
      }
    },
  })

  // 5. Official method names on objects this codemod could not trace to `new Smartpay()`.
  program.traverse({
    CallExpression(call) {
      const callee = call.node.callee
      if (!t.isMemberExpression(callee) || callee.computed || !t.isIdentifier(callee.property))
        return
      const name = callee.property.name
      if (converted.has(callee) || !ALL_INSTANCE_METHODS.has(name) || !distinctive(name)) return
      file.todo(
        call.node,
        `${file.source(callee.object)}.${name}(…) looks like an official SDK call, on an object this codemod could not trace to new Smartpay(): convert it by hand (MIGRATING.md)`,
      )
    },
  })

  writeImports(file, program, module, officialImports)
  const output = file.text.toString()
  return {
    code: output,
    changed: output !== code,
    sites: file.sites,
    converted: file.converted,
    todos: sortFindings(file.todos),
    notes: sortFindings(file.notes),
    exportsInstance: [...file.exportsInstance],
  }
}

/** `SmartpayError`'s fields in the official SDK → here. */
const ERROR_FIELDS: Readonly<Record<string, string>> = { statusCode: 'status', errorCode: 'code' }

function inside(node: t.Node, outer: t.Node): boolean {
  return (node.start ?? 0) >= (outer.start ?? 0) && (node.end ?? 0) <= (outer.end ?? 0)
}

function kind(name: string): string {
  return ID_VALIDATORS[name] ?? 'order'
}

function instanceCall(
  file: FileMigration,
  member: NodePath<t.MemberExpression>,
  converted: Set<t.Node>,
  jobs: Job[],
) {
  const { node } = member
  if (node.computed || !t.isIdentifier(node.property)) return
  const name = node.property.name
  const call = member.parentPath
  if (!call?.isCallExpression() || call.node.callee !== node) return
  if (
    !(name in INSTANCE_METHODS) &&
    !ALL_INSTANCE_METHODS.has(name) &&
    name !== 'getSessionURL' &&
    name !== 'getSessionUrl'
  )
    return
  converted.add(node)
  jobs.push({ node: call.node, run: () => convertInstanceCall(file, call, name) })
}

/** Names that are the official SDK's and hardly anything else's (not `request`, `refund`…). */
function distinctive(name: string): boolean {
  return /(CheckoutSession|Order|Payment|Refund|WebhookEndpoint|Coupon|PromotionCode|Token)s?$/.test(
    name,
  )
}

function runJobs(jobs: Job[]) {
  const size = (node: t.Node) => (node.end ?? 0) - (node.start ?? 0)
  for (const job of [...jobs].sort((a, b) => size(a.node) - size(b.node))) job.run()
}

function importedName(spec: t.ImportSpecifier): string {
  return t.isIdentifier(spec.imported) ? spec.imported.name : spec.imported.value
}

/** `require('x')` or `require('x').default` → 'x'. */
function requiredModule(node: t.CallExpression): string | undefined {
  if (!t.isIdentifier(node.callee, { name: 'require' })) return undefined
  const [arg] = node.arguments
  return t.isStringLiteral(arg) ? arg.value : undefined
}

/** The declarator `const X = require(…)` or `const X = require(…).default` stands in. */
function requireDeclarator(
  path: NodePath<t.CallExpression>,
): NodePath<t.VariableDeclarator> | undefined {
  let current: NodePath = path
  const parent = current.parentPath
  if (
    parent?.isMemberExpression() &&
    !parent.node.computed &&
    t.isIdentifier(parent.node.property, { name: 'default' })
  ) {
    current = parent
  }
  const declarator = current.parentPath
  return declarator?.isVariableDeclarator() && declarator.node.init === current.node
    ? declarator
    : undefined
}

/** `(Smartpay as any)`, which TypeScript users of the official SDK's broken types write: the class. */
function uncast(path: NodePath): NodePath {
  let current = path
  while (
    current.parentPath?.isTSAsExpression() ||
    current.parentPath?.isParenthesizedExpression() ||
    current.parentPath?.isTSNonNullExpression()
  ) {
    current = current.parentPath
  }
  return current
}

/** For `sdk.default` where `sdk` is the module: the member path, which stands for the class. */
function namespaceDefault(ref: NodePath): NodePath | undefined {
  const parent = ref.parentPath
  if (parent?.isMemberExpression() && t.isIdentifier(parent.node.property, { name: 'default' }))
    return parent
  return undefined
}

function isModuleExports(path: NodePath | null | undefined): boolean {
  return Boolean(
    path?.isAssignmentExpression() &&
      /^module\.exports$/.test(String(path.get('left').toString()).replace(/\s+/g, '')),
  )
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.line - b.line)
}

function unchanged(code: string): SourceMigration {
  return { code, changed: false, sites: 0, converted: 0, todos: [], notes: [], exportsInstance: [] }
}
