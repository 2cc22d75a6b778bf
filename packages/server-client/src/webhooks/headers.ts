/** Names of the headers Smartpay sends with each delivery. */
export const WEBHOOK_HEADERS = {
  signature: 'Smartpay-Signature',
  timestamp: 'Smartpay-Signature-Timestamp',
  subscriptionId: 'Smartpay-Subscription-Id',
  eventId: 'Smartpay-Event-Id',
} as const

/** Request headers: a Fetch `Headers`, or a record such as Node's `IncomingHttpHeaders`. */
export type WebhookHeaders =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>

/** A header's value in any name case; repeated values are joined with ", " as `Headers` does. */
export function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  let value: string | null | undefined
  if (typeof headers.get === 'function') {
    value = (headers as Headers).get(name)
  } else {
    const wanted = name.toLowerCase()
    const parts: string[] = []
    for (const [key, entry] of Object.entries(headers as Record<string, unknown>)) {
      if (key.toLowerCase() !== wanted) continue
      if (typeof entry === 'string') parts.push(entry)
      else if (Array.isArray(entry)) parts.push(...entry.filter((e) => typeof e === 'string'))
    }
    value = parts.length > 0 ? parts.join(', ') : undefined
  }
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}
