import type { NodePath } from '@babel/traverse'
import * as t from '@babel/types'
import type { FileMigration } from '../FileMigration.js'
import { INSTANCE_METHODS } from '../officialSdk.js'
import {
  constObject,
  hasHidden,
  keyName,
  objectText,
  optionsText,
  property,
  removeProperty,
} from './objectArgs.js'

// `smartpay.getOrder({ id, expand })` → `smartpay.orders.retrieve(id, { expand })`, and the
// other 38 instance methods. The receiver is left as written; only the method and the
// arguments change.

const CALL_OPTIONS = ['idempotencyKey']

/** Converts one call of an official instance method; `name` is the method's. */
export function convertInstanceCall(
  file: FileMigration,
  call: NodePath<t.CallExpression>,
  name: string,
) {
  const { node } = call
  const callee = node.callee as t.MemberExpression
  if (name === 'request') return convertRequest(file, call)
  if (name === 'setPublicKey') {
    return file.todo(
      node,
      'setPublicKey has no equivalent: the server client never needs the public key (the official SDK stored it and never used it). Delete the call; give the public key to createPublicClient in the browser',
    )
  }
  if (name === 'getSessionURL' || name === 'getSessionUrl') {
    // The README's instance call (the method is static, so this call threw).
    return void file.todo(node, `${name} is static: use checkoutUrl(session, { promotionCode })`)
  }
  const def = INSTANCE_METHODS[name]
  if (!def) return
  const [arg, ...extra] = node.arguments
  if (extra.length > 0 || t.isSpreadElement(arg) || t.isArgumentPlaceholder(arg)) {
    return file.todo(node, `${name} takes one argument; this call passes something else`)
  }
  const target = (method: string) => file.replace(callee.property, `${def.resource}.${method}`)

  if (def.shape === 'list') {
    target(def.method)
    return file.done(node)
  }

  if (def.shape === 'create') {
    const literal = t.isObjectExpression(arg) ? arg : undefined
    let method = def.method
    if (def.tokenByMode) {
      const seen = literal ?? constObject(call, arg as t.Node)
      const mode = seen && property(seen, 'mode')
      if (mode && isToken(file, mode.value)) method = 'createForToken'
      else if (!seen || hasHidden(seen)) {
        file.notes.push({
          line: file.line(node),
          why: `createCheckoutSession with a payload this codemod cannot see: if it has mode: 'token', call checkoutSessions.createForToken instead`,
        })
      }
    }
    if (!literal) {
      const declared = constObject(call, arg as t.Node)
      if (declared && property(declared, 'idempotencyKey')) {
        return file.todo(
          node,
          `${name}: the payload declared on line ${file.line(declared)} holds idempotencyKey; move it to the call options, ${def.resource}.${method}(payload, { idempotencyKey })`,
        )
      }
      target(method)
      return file.done(node)
    }
    const moved = CALL_OPTIONS.map((key) => property(literal, key)).filter(
      (p): p is t.ObjectProperty => p !== undefined,
    )
    const options = moved.length ? optionsText(file, moved) : undefined
    for (const p of moved) removeProperty(file, literal, p)
    target(method)
    if (options) file.text.appendLeft(literal.end ?? 0, `, ${options}`)
    return file.done(node)
  }

  // retrieve, onId, update: the id comes out of the object, first.
  if (!t.isObjectExpression(arg)) {
    return file.todo(
      node,
      `${name}(${arg ? file.source(arg) : ''}): the id goes first here, ${def.resource}.${def.method}(id${def.shape === 'onId' ? '' : ', params'}); this codemod cannot see the object's fields`,
    )
  }
  const id = property(arg, 'id')
  if (!id || hasHidden(arg)) {
    return file.todo(node, `${name}: no plain id field to take out of the object`)
  }
  const rest = arg.properties.filter((p) => p !== id && !CALL_OPTIONS.includes(keyName(p) ?? ''))
  const moved = arg.properties.filter((p): p is t.ObjectProperty =>
    CALL_OPTIONS.includes(keyName(p) ?? ''),
  )
  let note: string | undefined
  let options = moved.length ? optionsText(file, moved) : undefined
  if (def.shape === 'retrieve' && options) {
    options = undefined
    note = `${name}: idempotencyKey dropped (a GET needs none; the official SDK sent it in the query)`
  }
  if (def.shape === 'onId' && rest.length > 0) {
    return file.todo(
      node,
      `${name}: ${rest.map((p) => keyName(p) ?? file.source(p)).join(', ')} has no place here (${def.resource}.${def.method} takes an id and call options only)`,
    )
  }
  if (def.shape === 'update' && options) {
    note = `${name}: idempotencyKey now goes as the Idempotency-Key header (the official SDK put it in the JSON body)`
  }
  const idText = id.shorthand ? 'id' : file.edited(id.value)
  const params = objectText(file, rest) ?? (def.shape === 'update' ? '{}' : undefined)
  const args = [idText, params ?? (options ? 'undefined' : undefined), options].filter(Boolean)
  if (def.shape === 'onId') args.splice(1, 1)
  target(def.method)
  file.replace(arg, args.join(', '))
  file.done(node, note)
}

function isToken(file: FileMigration, value: t.Node): boolean {
  if (t.isStringLiteral(value)) return value.value === 'token'
  // Smartpay.MODE_TOKEN
  return t.isMemberExpression(value) && /\.MODE_TOKEN$/.test(file.source(value))
}

/** `request(endpoint, { method, params, payload, idempotencyKey, retries })`. */
function convertRequest(file: FileMigration, call: NodePath<t.CallExpression>) {
  const { node } = call
  const [endpoint, options, ...extra] = node.arguments
  if (!endpoint || extra.length || (options && !t.isObjectExpression(options))) {
    return file.todo(
      node,
      'request(): this codemod converts request(endpoint, { … }) with a literal options object only',
    )
  }
  if (options && hasHidden(options)) return file.todo(node, 'request(): options with a spread')
  const field = (name: string) => (options ? property(options, name) : undefined)
  for (const name of ['retryOn', 'retryDelay']) {
    if (field(name)) {
      return file.todo(
        node,
        `request(): ${name} has no equivalent (the retry policy is fixed: network errors, timeouts, 429 and 5xx, with backoff)`,
      )
    }
  }
  const value = (name: string) => {
    const p = field(name)
    return p && (p.shorthand ? name : file.edited(p.value))
  }
  const spec = [
    `method: ${value('method') ?? file.string('GET')}`,
    `path: ${file.edited(endpoint)}`,
    value('params') && `query: ${value('params')}`,
    value('payload') && `body: ${value('payload')}`,
  ].filter(Boolean)
  const callOptions = [
    value('idempotencyKey') && `idempotencyKey: ${value('idempotencyKey')}`,
    value('retries') && `maxRetries: ${value('retries')}`,
  ].filter(Boolean)
  const text = `{ ${spec.join(', ')} }${callOptions.length ? `, { ${callOptions.join(', ')} }` : ''}`
  file.text.overwrite(endpoint.start ?? 0, (options ?? endpoint).end ?? 0, text)
  file.done(
    node,
    'request(): the answer is the parsed JSON, and an error status throws (the official SDK returned non-JSON bodies as text)',
  )
}
