import { htmlReply, type Reply, redirectReply } from '../api/reply.js'
import { checkPromotionCode } from '../domain/discounts.js'
import { ApiError } from '../domain/errors.js'
import type { CheckoutSession, Order } from '../domain/objects.js'
import type { Store } from '../domain/store.js'
import {
  authorizeCheckout,
  type CheckoutDeps,
  cancelCheckout,
  refuseExpired,
  rejectCheckout,
  runCheckoutAction,
} from './actions.js'

const escapeHtml = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const yen = (amount: number, currency: string) =>
  `${amount.toLocaleString('en-US')} ${escapeHtml(currency)}`

const layout = (title: string, main: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}
table{width:100%;border-collapse:collapse}td,th{padding:.3rem;border-bottom:1px solid #ddd;text-align:left}
button{font-size:1rem;padding:.5rem 1rem;margin-right:.5rem}.error{color:#b00020}</style>
</head><body><h1>Smartpay sandbox checkout</h1>${main}</body></html>`

function orderSummary(
  store: Store,
  session: CheckoutSession,
  order: Order,
  preview?: number,
): string {
  const mode = order.test ? 'test' : 'live'
  const rows = order.lineItems
    .map((id) => store.get(mode, 'lineItem', id))
    .map((li) => {
      const name =
        li?.price.product && typeof li.price.product === 'object'
          ? (li.price.product as { name?: string }).name
          : ''
      return li
        ? `<tr><td>${escapeHtml(name)}</td><td>${li.quantity}</td><td>${yen(li.amount, li.currency)}</td></tr>`
        : ''
    })
    .join('')
  const discount = preview
    ? `<p data-testid="discount">Discount: −${yen(preview, order.currency)}</p>`
    : ''
  const total = preview ? order.amount - preview : order.amount
  return `<table data-testid="items"><tr><th>Item</th><th>Qty</th><th>Price</th></tr>${rows}</table>
${discount}<p>Total: <strong data-testid="amount">${yen(total, order.currency)}</strong></p>
<p>Order <code>${escapeHtml(order.id)}</code> for session <code>${escapeHtml(session.id)}</code></p>`
}

/** Renders the hosted page of a session (with a previewed promotion code, if any). */
function renderPage(
  store: Store,
  session: CheckoutSession,
  code: string | null,
  now: number,
): string {
  const mode = session.test ? 'test' : 'live'
  const order = session.order ? store.get(mode, 'order', session.order) : undefined
  const token = session.token ? store.get(mode, 'token', session.token) : undefined
  let preview: number | undefined
  let problem = ''
  if (order && code) {
    try {
      preview = checkPromotionCode({ mode, store, now }, order, code).amount
    } catch (error) {
      problem = `<p class="error" data-testid="error">${escapeHtml((error as Error).message)}</p>`
    }
  }
  const status = order?.status ?? token?.status ?? 'unknown'
  const summary = order
    ? orderSummary(store, session, order, preview)
    : `<p>Register a payment method for later purchases (token <code>${escapeHtml(token?.id)}</code>).</p>`
  const hidden =
    code && preview !== undefined
      ? `<input type="hidden" name="promotionCode" value="${escapeHtml(code)}">`
      : ''
  const action = (name: string) => `/checkout/${encodeURIComponent(session.id)}/${name}`
  return layout(
    'Smartpay sandbox checkout',
    `${summary}${problem}<p>Status: <span data-testid="status">${escapeHtml(status)}</span></p>
<form method="post" action="${action('authorize')}" style="display:inline">${hidden}<button id="authorize" data-testid="authorize" type="submit">Authorize</button></form>
<form method="post" action="${action('cancel')}" style="display:inline"><button id="cancel" data-testid="cancel" type="submit">Cancel</button></form>`,
  )
}

const errorPage = (error: ApiError) =>
  htmlReply(
    error.statusCode,
    layout(
      'Checkout error',
      `<p class="error" data-testid="error">${escapeHtml(error.message)}</p>`,
    ),
  )

/**
 * Serves `/checkout/{sessionId}` (the page) and the form posts `/checkout/{sessionId}/authorize`
 * and `/cancel`, which answer 303 to the merchant's success or cancel URL.
 */
export function checkoutPage(deps: CheckoutDeps, method: string, url: URL, raw: string): Reply {
  const { store } = deps
  const [, , sessionId = '', action] = url.pathname.split('/')
  const id = decodeURIComponent(sessionId)
  try {
    if (method === 'GET' && action === undefined) {
      return runCheckoutAction(deps, id, (scope, session) => {
        refuseExpired(scope, session)
        const code = url.searchParams.get('promotion-code')
        return htmlReply(200, renderPage(store, session, code, scope.now))
      })
    }
    if (
      method === 'POST' &&
      (action === 'authorize' || action === 'cancel' || action === 'reject')
    ) {
      const code = new URLSearchParams(raw).get('promotionCode') ?? undefined
      const outcome = runCheckoutAction(deps, id, (scope, session) =>
        action === 'authorize'
          ? authorizeCheckout(scope, session, code)
          : action === 'cancel'
            ? cancelCheckout(scope, session)
            : rejectCheckout(scope, session),
      )
      return redirectReply(303, outcome.redirectUrl)
    }
    return errorPage(new ApiError(404, 'request.not-found', 'No such checkout page.'))
  } catch (error) {
    if (error instanceof ApiError) return errorPage(error)
    throw error
  }
}
