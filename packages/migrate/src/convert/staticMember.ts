import type { NodePath } from '@babel/traverse'
import * as t from '@babel/types'
import type { FileMigration } from '../FileMigration.js'
import { CONSTANTS } from '../officialSdk.js'
import { hasHidden, property, removeProperty } from './objectArgs.js'

// `Smartpay.X`: the class's constants and static methods. `expressWebhookMiddleware` is
// converted with its route (webhookRoute.ts).

/** Whether an `await` may be written where `path` is. */
export function canAwait(path: NodePath, module: boolean): boolean {
  const fn = path.getFunctionParent()
  return fn ? fn.node.async === true : module
}

/** Converts `Smartpay.NAME` (a member expression whose object is the class). */
export function convertStaticMember(
  file: FileMigration,
  member: NodePath<t.MemberExpression>,
  name: string,
  module: boolean,
) {
  const { node } = member
  if (Object.hasOwn(CONSTANTS, name)) {
    const value = CONSTANTS[name] as string
    file.replace(node, file.string(value))
    const note =
      name === 'ORDER_STATUS_FAILED'
        ? "ORDER_STATUS_FAILED is 'failed', a status the API never gives an order (a declined order is 'rejected')"
        : name.endsWith('_AUTOMATIC')
          ? `${name} was the misspelt 'autommatic', which the API refuses; it is 'automatic' now`
          : undefined
    return file.done(node, note)
  }
  const call = member.parentPath
  if (!call.isCallExpression() || call.node.callee !== node) {
    return file.todo(
      node,
      `Smartpay.${name} is used as a value; this codemod converts calls and constants`,
    )
  }
  const args = call.node.arguments
  switch (name) {
    case 'getSessionURL':
    case 'getSessionUrl': {
      const options = args[1]
      if (t.isObjectExpression(options) && !hasHidden(options)) {
        const ignored = property(options, 'checkoutURL')
        if (ignored) removeProperty(file, options, ignored)
      }
      file.replace(node, file.use('checkoutUrl', call))
      return file.done(call.node)
    }
    case 'normalizeCheckoutSessionPayload':
    case 'normalizeFlatCheckoutSessionPayload':
      file.replace(node, file.use('normalizeCheckoutSession', call))
      return file.done(
        call.node,
        `${name}: normalizeCheckoutSession fills in amounts and currencies like the official one but does not validate the payload (the call does, before sending)${name === 'normalizeCheckoutSessionPayload' ? ", and takes order sessions only (a mode: 'token' payload needs no normalising)" : ''}`,
      )
    case 'normalizeTokenCheckoutSessionPayload':
    case 'normalizeOrderPayload':
      return file.todo(
        call.node,
        `${name} only validated the payload, which every call now does before sending; to check one without sending it, valibot's v.parse(${name === 'normalizeOrderPayload' ? 'CreateOrderParamsSchema' : 'CreateTokenCheckoutSessionParamsSchema'}, payload) (see MIGRATING.md)`,
      )
    case 'calculateWebhookSignature':
    case 'verifyWebhookSignature':
      return convertSignature(file, call, name, module)
    case 'expressWebhookMiddleware':
      return file.todo(
        call.node,
        'expressWebhookMiddleware outside express.json({ verify }) on an app this codemod can follow: mount toNodeHandler(createWebhookHandler({ signingSecret, on })) on the route (see MIGRATING.md)',
      )
    default:
      return file.todo(node, `Smartpay.${name} is not part of @smartpay/sdk-node 0.9.1`)
  }
}

/** `calculateWebhookSignature({ data, secret })` and `verifyWebhookSignature({ …, signature })`. */
function convertSignature(
  file: FileMigration,
  call: NodePath<t.CallExpression>,
  name: string,
  module: boolean,
) {
  const [arg] = call.node.arguments
  const fields = t.isObjectExpression(arg) && !hasHidden(arg) ? arg : undefined
  const data = fields && property(fields, 'data')
  const secret = fields && property(fields, 'secret')
  const signature = fields && property(fields, 'signature')
  if (!data || !secret || (name === 'verifyWebhookSignature' && !signature)) {
    return file.todo(
      call.node,
      `${name}: this codemod converts a literal { data, secret${name === 'verifyWebhookSignature' ? ', signature' : ''} } only`,
    )
  }
  if (!canAwait(call, module)) {
    return file.todo(
      call.node,
      `${name}: computeWebhookSignature is async (Web Crypto), and this call is not in an async function`,
    )
  }
  const value = (p: t.ObjectProperty) => (p.shorthand ? file.source(p.key) : file.edited(p.value))
  const awaited =
    name === 'calculateWebhookSignature' && t.isAwaitExpression(call.parent) ? '' : 'await '
  const compute = `${awaited}${file.use('computeWebhookSignature', call)}(${value(data)}, ${value(secret)})`
  if (name === 'calculateWebhookSignature') {
    file.replace(call.node, compute)
    return file.done(call.node, `${name}: computeWebhookSignature is async; the call now awaits it`)
  }
  const parenthesised = t.isMemberExpression(call.parent) || t.isUnaryExpression(call.parent)
  const text = `(${compute}) === ${value(signature as t.ObjectProperty)}`
  file.replace(call.node, parenthesised ? `(${text})` : text)
  file.done(
    call.node,
    'verifyWebhookSignature: the same check, now awaited. verifyWebhook({ body, headers, signingSecret }) also refuses old and replayed deliveries and compares in constant time',
  )
}
