import * as v from 'valibot'
import {
  DescriptionSchema,
  HttpUrlSchema,
  type Metadata,
  MetadataSchema,
  type ObjectFields,
  objectEntries,
} from './common.js'
import { type EventType, EventTypeSchema } from './enums.js'

/** A webhook endpoint (`webhookendpoint_…`): a URL Smartpay posts events to. */
export const WebhookEndpointSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('webhookEndpoint'),
  url: v.string(),
  active: v.optional(v.boolean()),
  description: v.optional(v.string()),
  eventSubscriptions: v.optional(v.array(v.string())),
  signingSecret: v.optional(v.string()),
})
/** A webhook endpoint as the API returns it. */
export interface WebhookEndpoint extends ObjectFields {
  object: 'webhookEndpoint'
  url: string
  active?: boolean | undefined
  description?: string | undefined
  eventSubscriptions?: string[] | undefined
  /** The secret that signs deliveries; returned when the endpoint is created. Keep it secret. */
  signingSecret?: string | undefined
}

/** What `webhookEndpoints.create` returns: the endpoint with its `signingSecret`, always. */
export const CreatedWebhookEndpointSchema = v.looseObject({
  ...WebhookEndpointSchema.entries,
  signingSecret: v.string(),
})
/** A webhook endpoint as `webhookEndpoints.create` returns it: `signingSecret` always there. */
export interface CreatedWebhookEndpoint extends WebhookEndpoint {
  /** The secret that signs deliveries. Store it as a secret for `verifyWebhook`. */
  signingSecret: string
}

const EventSubscriptionsSchema = v.pipe(
  v.array(EventTypeSchema),
  v.minLength(1, 'Expected at least one event type; leave eventSubscriptions out for all events'),
)

/** Body of `webhookEndpoints.create`. */
export const CreateWebhookEndpointParamsSchema = v.strictObject({
  url: HttpUrlSchema,
  /** Event types to receive. Leave it out to receive every event. */
  eventSubscriptions: v.optional(EventSubscriptionsSchema),
  description: v.optional(DescriptionSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `webhookEndpoints.create`. */
export interface CreateWebhookEndpointParams {
  /** Where events are posted; https in production. */
  url: string
  /** Event types to receive (at least one). Leave it out to receive every event. */
  eventSubscriptions?: EventType[] | undefined
  /** 1–80 characters. */
  description?: string | undefined
  metadata?: Metadata | undefined
}

/** Body of `webhookEndpoints.update`. */
export const UpdateWebhookEndpointParamsSchema = v.strictObject({
  active: v.optional(v.boolean()),
  url: v.optional(HttpUrlSchema),
  eventSubscriptions: v.optional(EventSubscriptionsSchema),
  description: v.optional(DescriptionSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `webhookEndpoints.update`. */
export interface UpdateWebhookEndpointParams {
  /** `false` pauses deliveries. */
  active?: boolean | undefined
  url?: string | undefined
  eventSubscriptions?: EventType[] | undefined
  description?: string | undefined
  metadata?: Metadata | undefined
}
