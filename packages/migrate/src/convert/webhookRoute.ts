import type { Binding, NodePath } from '@babel/traverse'
import * as t from '@babel/types'
import type { FileMigration } from '../FileMigration.js'
import { keyName, removeProperty } from './objectArgs.js'

// The official Express webhook: `express.json({ verify: Smartpay.expressWebhookMiddleware(secret) })`
// computes a `calculated-signature` header that the route compares itself, then switches on
// `req.body.eventData.type`. It becomes
// `app.post(path, toNodeHandler(createWebhookHandler({ signingSecret: secret, on: { type: … } })))`,
// mounted before any body parser (the handler reads the raw body itself).

type Job = { node: t.Node; run: () => void }
type Fn = t.ArrowFunctionExpression | t.FunctionExpression

const PARSERS = /^(express|bodyParser|bodyparser)\.(json|urlencoded|text|raw)$/
const ROUTE_METHODS = new Set(['post', 'all', 'use'])

/** One `case` (or `if`) of the dispatch: the types it handles and its statements. */
interface Branch {
  types: string[]
  body: t.Statement[]
}

/** Finds the official middleware's uses and their routes; returns their conversions. */
export function convertWebhookRoutes(
  file: FileMigration,
  program: NodePath<t.Program>,
  classes: readonly Binding[],
  converted: Set<t.Node>,
): Job[] {
  const jobs: Job[] = []
  const middlewares: NodePath<t.CallExpression>[] = []
  for (const binding of classes) {
    for (const ref of binding.referencePaths) {
      const member = ref.parentPath
      if (!member?.isMemberExpression() || member.node.object !== ref.node) continue
      if (!t.isIdentifier(member.node.property, { name: 'expressWebhookMiddleware' })) continue
      const call = member.parentPath
      if (call?.isCallExpression() && call.node.callee === member.node) middlewares.push(call)
    }
  }
  if (middlewares.length === 0) return jobs
  // Routes whose handler reads the header the middleware computed.
  const routes: NodePath<t.CallExpression>[] = []
  program.traverse({
    CallExpression(call) {
      const callee = call.node.callee
      if (!t.isMemberExpression(callee) || !t.isIdentifier(callee.property)) return
      if (!ROUTE_METHODS.has(callee.property.name)) return
      const handler = call.node.arguments.at(-1)
      if (
        (t.isArrowFunctionExpression(handler) || t.isFunctionExpression(handler)) &&
        file.source(handler).includes('calculated-signature')
      ) {
        routes.push(call)
      }
    },
  })
  for (const middleware of middlewares) {
    const [secret] = middleware.node.arguments
    const verify = middleware.parentPath
    const options = verify?.parentPath
    const parser = options?.parentPath
    if (
      !secret ||
      !t.isExpression(secret) ||
      !verify?.isObjectProperty() ||
      keyName(verify.node) !== 'verify' ||
      !options?.isObjectExpression() ||
      !parser?.isCallExpression() ||
      !PARSERS.test(file.source(parser.node.callee).replace(/\s+/g, ''))
    ) {
      continue // counted as a todo by the static-member pass
    }
    converted.add(middleware.node.callee)
    const localRoute = routes.find((route) =>
      route.node.arguments.includes(parser.node as t.Expression),
    )
    const global =
      parser.parentPath?.isCallExpression() && isUse(parser.parentPath.node)
        ? parser.parentPath
        : undefined
    const targets = localRoute
      ? [localRoute]
      : global
        ? routes.filter((r) => sameApp(file, r, global))
        : []
    if (targets.length !== 1) {
      file.todo(
        middleware.node,
        targets.length === 0
          ? 'expressWebhookMiddleware: no route here reads calculated-signature; mount toNodeHandler(createWebhookHandler({ signingSecret, on })) on your webhook route (MIGRATING.md)'
          : 'expressWebhookMiddleware: several routes read calculated-signature; convert them by hand (MIGRATING.md)',
      )
      continue
    }
    const route = targets[0] as NodePath<t.CallExpression>
    const plan = planRoute(file, route)
    if (typeof plan === 'string') {
      file.todo(
        route.node,
        `webhook route: ${plan}; move its code into createWebhookHandler({ signingSecret, on: { 'order.authorized': async (event) => … } }) mounted with toNodeHandler (MIGRATING.md)`,
      )
      continue
    }
    jobs.push({
      node: route.parentPath?.node ?? route.node,
      run: () => {
        const text = routeText(file, route, plan, file.edited(secret), parser.node)
        // The verify option goes; a route-level parser goes with the old handler.
        if (!localRoute) {
          if (options.node.properties.length === 1) file.replace(options.node, '')
          else removeProperty(file, options.node, verify.node)
        }
        const statement = route.parentPath
        const before = statement?.isExpressionStatement()
          ? parserBefore(file, statement, route)
          : undefined
        if (statement?.isExpressionStatement() && before) {
          const semi = file.source(statement.node).trimEnd().endsWith(';') ? ';' : ''
          removeLine(file, statement.node)
          const indent = indentAt(file.code, before.node.start ?? 0)
          file.text.prependLeft(
            before.node.start ?? 0,
            `${reindent(text, indent)}${semi}\n\n${indent}`,
          )
        } else {
          file.replace(route.node, reindent(text, indentAt(file.code, route.node.start ?? 0)))
        }
        file.done(
          middleware.node,
          'webhook route: createWebhookHandler also refuses deliveries older than 5 minutes and replays, answers 400 to a bad signature (the route answered its own status) and 200 to types it has no function for',
        )
        if (plan.droppedDefault) {
          file.notes.push({
            line: file.line(route.node),
            why: 'webhook route: the default case only logged; other event types now get a 200 without calling you',
          })
        }
      },
    })
  }
  return jobs
}

function isUse(node: t.CallExpression): boolean {
  return (
    t.isMemberExpression(node.callee) &&
    t.isIdentifier(node.callee.property, { name: 'use' }) &&
    node.arguments.length === 1
  )
}

function sameApp(
  file: FileMigration,
  route: NodePath<t.CallExpression>,
  use: NodePath<t.CallExpression>,
): boolean {
  const object = (node: t.CallExpression) => file.source((node.callee as t.MemberExpression).object)
  return object(route.node) === object(use.node)
}

interface Plan {
  handler: Fn
  event: string
  branches: Branch[]
  droppedDefault: boolean
}

/** Reads the handler: its signature check, the event, the dispatch and the answer. */
function planRoute(file: FileMigration, route: NodePath<t.CallExpression>): Plan | string {
  const handler = route.node.arguments.at(-1) as Fn
  if (!t.isBlockStatement(handler.body)) return 'the handler is not a block'
  const [req, res, next] = handler.params.map((p) => (t.isIdentifier(p) ? p.name : undefined))
  if (!req || !res) return 'the handler does not take (req, res)'
  const http = [req, res, next].filter((n): n is string => Boolean(n))
  const dropped = new Set<string>()
  let event: string | undefined
  let dispatch: t.SwitchStatement | t.IfStatement | undefined
  for (const statement of handler.body.body) {
    const text = file.source(statement)
    if (t.isVariableDeclaration(statement)) {
      const [decl] = statement.declarations
      if (
        statement.declarations.length === 1 &&
        decl &&
        t.isIdentifier(decl.id) &&
        decl.init &&
        file.source(decl.init).replace(/\s+/g, '') === `${req}.body`
      ) {
        event = decl.id.name
        continue
      }
      if (text.includes(`${req}.headers`)) {
        for (const d of statement.declarations)
          for (const name of Object.keys(t.getBindingIdentifiers(d.id))) dropped.add(name)
        continue
      }
      return `it declares ${file.source(statement.declarations[0]?.id ?? statement)} besides the event`
    }
    if (t.isIfStatement(statement) && !dispatch && isGuard(file, statement, dropped)) continue
    if (!dispatch && (t.isSwitchStatement(statement) || t.isIfStatement(statement))) {
      dispatch = statement
      continue
    }
    if (dispatch && answers(file, statement, res)) continue
    return `line ${file.line(statement)} is neither the signature check, the event, the dispatch on its type nor the answer`
  }
  if (!event || !dispatch)
    return 'no `const event = req.body` and dispatch on event.eventData.type found'
  const branches = t.isSwitchStatement(dispatch)
    ? switchBranches(file, dispatch, event)
    : ifBranches(file, dispatch, event)
  if (typeof branches === 'string') return branches
  for (const branch of branches.list) {
    for (const statement of branch.body) {
      const used = usesAny(statement, http)
      if (used)
        return `the code for ${branch.types.join(', ')} uses ${used}, which the handler no longer has`
    }
  }
  return { handler, event, branches: branches.list, droppedDefault: branches.droppedDefault }
}

/** `if (!signature || signature !== calculated) { return res.status(401)… }` */
function isGuard(
  file: FileMigration,
  statement: t.IfStatement,
  dropped: ReadonlySet<string>,
): boolean {
  const test = file.source(statement.test)
  const reads =
    [...dropped].some((name) => new RegExp(`\\b${name}\\b`).test(test)) ||
    test.includes('calculated-signature')
  const last = t.isBlockStatement(statement.consequent)
    ? statement.consequent.body.at(-1)
    : statement.consequent
  return reads && !statement.alternate && t.isReturnStatement(last)
}

/** `res.sendStatus(200)`, `return res.send('')`, `res.status(200).json(…)`… */
function answers(file: FileMigration, statement: t.Statement, res: string): boolean {
  const expression = t.isReturnStatement(statement)
    ? statement.argument
    : t.isExpressionStatement(statement)
      ? statement.expression
      : undefined
  return Boolean(expression && new RegExp(`^${res}\\s*\\.`).test(file.source(expression)))
}

/** Whether `discriminant` is `event.eventData.type` (or `event.event`). */
function isType(file: FileMigration, node: t.Node, event: string): boolean {
  const text = file.source(node).replace(/\s+/g, '')
  return text === `${event}.eventData.type` || text === `${event}.event`
}

function switchBranches(
  file: FileMigration,
  statement: t.SwitchStatement,
  event: string,
): { list: Branch[]; droppedDefault: boolean } | string {
  if (!isType(file, statement.discriminant, event))
    return `the switch is not on ${event}.eventData.type`
  const list: Branch[] = []
  let pending: string[] = []
  let droppedDefault = false
  for (const c of statement.cases) {
    if (!c.test) {
      if (c.consequent.every((s) => t.isBreakStatement(s) || isLog(file, s))) {
        droppedDefault = c.consequent.some((s) => !t.isBreakStatement(s))
        continue
      }
      return 'its default case does more than log (createWebhookHandler answers other types with a 200 without calling you)'
    }
    if (!t.isStringLiteral(c.test)) return `case ${file.source(c.test)} is not a string`
    pending.push(c.test.value)
    if (c.consequent.length === 0) continue
    let body = c.consequent
    if (body.length === 1 && t.isBlockStatement(body[0])) body = (body[0] as t.BlockStatement).body
    const last = body.at(-1)
    if (t.isBreakStatement(last) && !last.label) body = body.slice(0, -1)
    else if (!t.isReturnStatement(last) && !t.isThrowStatement(last))
      return `case '${c.test.value}' falls through`
    if (body.some((s) => breaksOut(s))) return `case '${c.test.value}' breaks out early`
    list.push({ types: pending, body })
    pending = []
  }
  return { list, droppedDefault }
}

function ifBranches(
  file: FileMigration,
  statement: t.IfStatement,
  event: string,
): { list: Branch[]; droppedDefault: boolean } | string {
  const list: Branch[] = []
  let current: t.Statement | null | undefined = statement
  while (t.isIfStatement(current)) {
    const test = current.test
    if (
      !t.isBinaryExpression(test) ||
      !['===', '=='].includes(test.operator) ||
      !isType(file, test.left, event) ||
      !t.isStringLiteral(test.right)
    ) {
      return `the if does not compare ${event}.eventData.type with a string`
    }
    const body = t.isBlockStatement(current.consequent)
      ? current.consequent.body
      : [current.consequent]
    list.push({ types: [test.right.value], body })
    current = current.alternate
  }
  if (current) return 'its final else does more than nothing'
  return { list, droppedDefault: false }
}

function isLog(file: FileMigration, statement: t.Statement): boolean {
  return (
    t.isExpressionStatement(statement) && /^console\.\w+\(/.test(file.source(statement.expression))
  )
}

/** A `break` or `continue` that leaves the case (not one inside its own loop or switch). */
function breaksOut(node: t.Node): boolean {
  if ((t.isBreakStatement(node) || t.isContinueStatement(node)) && !node.label) return true
  if (t.isLoop(node) || t.isSwitchStatement(node) || t.isFunction(node)) return false
  for (const key of t.VISITOR_KEYS[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key]
    const children = Array.isArray(value) ? value : [value]
    if (children.some((child) => t.isNode(child) && breaksOut(child))) return true
  }
  return false
}

/** The first of `names` that `node` uses as an identifier, if any. */
function usesAny(node: t.Node, names: readonly string[]): string | undefined {
  let used: string | undefined
  t.traverseFast(node, (inner) => {
    if (!used && t.isIdentifier(inner) && names.includes(inner.name)) used = inner.name
  })
  return used
}

function routeText(
  file: FileMigration,
  route: NodePath<t.CallExpression>,
  plan: Plan,
  secret: string,
  parser: t.Node,
): string {
  const callee = file.edited(route.node.callee)
  const args = route.node.arguments
    .slice(0, -1)
    .filter((a) => a !== parser)
    .map((a) => file.edited(a))
  const handler = `${file.use('toNodeHandler', route)}(\n  ${file.use('createWebhookHandler', route)}({\n    signingSecret: ${secret},\n    on: {\n${plan.branches
    .flatMap((branch) => branch.types.map((type) => branchText(file, plan, type, branch.body)))
    .join('\n')}\n    },\n  }),\n)`
  return `${callee}(${[...args, handler].join(', ')})`
}

function branchText(file: FileMigration, plan: Plan, type: string, body: t.Statement[]): string {
  const asyncness = plan.handler.async ? 'async ' : ''
  const first = body[0]
  const last = body.at(-1)
  const inner = first && last ? file.text.slice(first.start ?? 0, last.end ?? 0) : ''
  const text = dedent(inner, indentAt(file.code, first?.start ?? 0))
  return `      ${file.string(type)}: ${asyncness}(${plan.event}) => {\n${text
    .split('\n')
    .map((line) => (line ? `        ${line}` : line))
    .join('\n')}\n      },`
}

function indentAt(code: string, index: number): string {
  const lineStart = code.lastIndexOf('\n', index - 1) + 1
  return /^[ \t]*/.exec(code.slice(lineStart, index))?.[0] ?? ''
}

/** Removes `indent` from every line but the first (which starts at the node, unindented). */
function dedent(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n')
}

/** Indents every line but the first by `indent`. */
function reindent(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line ? indent + line : line))
    .join('\n')
}

/** Removes a statement's lines, and one blank line after it when one is before it too. */
function removeLine(file: FileMigration, node: t.Node) {
  const start = (node.start ?? 0) - indentAt(file.code, node.start ?? 0).length
  const lineBreak = /^\r?\n/
  let end = node.end ?? 0
  end += lineBreak.exec(file.code.slice(end))?.[0].length ?? 0
  const blankBefore = /\n[ \t]*\r?\n$/.test(file.code.slice(0, start))
  const blankAfter = /^[ \t]*\r?\n/.exec(file.code.slice(end))
  if (blankBefore && blankAfter) end += blankAfter[0].length
  file.text.remove(start, end)
}

/**
 * The first `app.use(<body parser>)` before the route in the same block: the handler must come
 * before it, or the parser reads the body first. Undefined when none, or when moving the route
 * there would use something not yet declared.
 */
function parserBefore(
  file: FileMigration,
  statement: NodePath<t.ExpressionStatement>,
  route: NodePath<t.CallExpression>,
): NodePath | undefined {
  const block = statement.parentPath
  if (!block || !(block.isProgram() || block.isBlockStatement())) return undefined
  const app = file.source((route.node.callee as t.MemberExpression).object)
  const siblings = block.get('body') as NodePath<t.Statement>[]
  const index = siblings.findIndex((s) => s.node === statement.node)
  const parser = siblings.slice(0, index).find((s) => {
    if (!s.isExpressionStatement() || !t.isCallExpression(s.node.expression)) return false
    const call = s.node.expression
    return (
      isUse(call) &&
      file.source((call.callee as t.MemberExpression).object) === app &&
      t.isCallExpression(call.arguments[0]) &&
      PARSERS.test(file.source(call.arguments[0].callee).replace(/\s+/g, ''))
    )
  })
  if (!parser) return undefined
  // Everything the route evaluates when it is registered must exist at the parser's place.
  const at = parser.node.start ?? 0
  let late = false
  // Functions run later: only what the registration itself evaluates counts.
  route.traverse({
    Function(inner) {
      inner.skip()
    },
    Identifier(id) {
      if (!id.isReferencedIdentifier()) return
      const binding = id.scope.getBinding(id.node.name)
      if (
        !binding ||
        binding.kind === 'module' ||
        binding.kind === 'hoisted' ||
        binding.kind === 'param'
      )
        return
      if ((binding.path.node.start ?? 0) > at) late = true
    },
  })
  return late ? undefined : parser
}
