import * as v from 'valibot'
import { type WebhookEvent, WebhookEventSchema } from './event.js'
import { bodyBytes, type WebhookBody } from './signature.js'

/** A verified event this version understands: `type` narrows it, as on {@link WebhookEvent}. */
export type UnderstoodWebhookEvent = WebhookEvent & {
  /** True: the body matches this version's types. */
  readonly understood: true
}

/**
 * An authentic delivery (signed by Smartpay, recent, not a replay) whose body this version does
 * not understand: an event type Smartpay added later, a field that changed, or no JSON at all.
 * It is safe to read, and it is still an event Smartpay will deliver again until you answer 200.
 */
export interface UnrecognizedWebhookEvent {
  /** False: read `json` yourself, or update `@smartpay-kit/server-client`. */
  readonly understood: false
  /** Absent, so that `event.type === 'order.authorized'` picks understood events only. */
  readonly type?: undefined
  /** The event type as the body names it (`event`, else `eventData.type`), if it names one. */
  readonly eventType: string | undefined
  /** The event id (`id`, `evt_…`), if the body has one. */
  readonly id: string | undefined
  /** The parsed body; `undefined` when it is not JSON. */
  readonly json: unknown
  /** The body as text (invalid UTF-8 shows as U+FFFD). */
  readonly text: string
  /** What this version expected and did not find, one line each, e.g. `eventData.data.amount: Invalid type: Expected number but received "200"`. */
  readonly issues: readonly string[]
}

/** What a verified delivery yields: understood (narrow by `type`) or not (`understood: false`). */
export type VerifiedWebhookEvent = UnderstoodWebhookEvent | UnrecognizedWebhookEvent

const strict = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')

/** The parsed body, or why it is not JSON. */
export function parseJson(body: WebhookBody): { json: unknown; text: string; error?: string } {
  if (typeof body === 'string') return tryParse(body)
  const bytes = bodyBytes(body)
  let text: string
  try {
    text = strict.decode(bytes)
  } catch {
    return { json: undefined, text: lenient.decode(bytes), error: 'the body is not UTF-8' }
  }
  return tryParse(text)
}

function tryParse(text: string): { json: unknown; text: string; error?: string } {
  try {
    return { json: JSON.parse(text), text }
  } catch (cause) {
    return { json: undefined, text, error: `the body is not JSON (${(cause as Error).message})` }
  }
}

/** The event id in a parsed body, if it has a string one. */
export const eventIdOf = (json: unknown): string | undefined => {
  const id = (json as { id?: unknown } | null | undefined)?.id
  return typeof id === 'string' ? id : undefined
}

/** Reads an authentic body: the typed event where it matches this version's types. */
export function understand(parsed: {
  json: unknown
  text: string
  error?: string
}): VerifiedWebhookEvent {
  const { json, text, error } = parsed
  const unrecognized = (issues: string[]): UnrecognizedWebhookEvent => ({
    understood: false,
    eventType: eventTypeOf(json),
    id: eventIdOf(json),
    json,
    text,
    issues,
  })
  if (error !== undefined) return unrecognized([error])
  const result = v.safeParse(WebhookEventSchema, json)
  if (result.success) return { ...result.output, understood: true }
  return unrecognized(
    result.issues.map((issue) => {
      const path = v.getDotPath(issue)
      return path ? `${path}: ${issue.message}` : issue.message
    }),
  )
}

/** The type the body names: `event` first, as the schema reads it, then `eventData.type`. */
function eventTypeOf(json: unknown): string | undefined {
  const body = json as { event?: unknown; eventData?: { type?: unknown } } | null | undefined
  const top = typeof body?.event === 'string' ? body.event : undefined
  const inner = typeof body?.eventData?.type === 'string' ? body.eventData.type : undefined
  return top ?? inner
}
