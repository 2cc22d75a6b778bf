import * as v from 'valibot'
import { DescriptionSchema, HttpUrlSchema, MetadataSchema, objectEntries } from './common.js'
import { EventTypeSchema } from './enums.js'

/** A webhook endpoint (`webhookendpoint_…`): a URL Smartpay posts events to. */
export const WebhookEndpointSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('webhookEndpoint'),
  url: v.string(),
  active: v.optional(v.boolean()),
  description: v.optional(v.string()),
  eventSubscriptions: v.optional(v.array(v.string())),
  /** The secret that signs deliveries; returned when the endpoint is created. Keep it secret. */
  signingSecret: v.optional(v.string()),
})
/** A webhook endpoint as the API returns it. */
export interface WebhookEndpoint extends v.InferOutput<typeof WebhookEndpointSchema> {}

/** What `webhookEndpoints.create` returns: the endpoint with its `signingSecret`, always. */
export const CreatedWebhookEndpointSchema = v.looseObject({
  ...WebhookEndpointSchema.entries,
  /** The secret that signs deliveries. Store it as a secret for `verifyWebhook`. */
  signingSecret: v.string(),
})
/** A webhook endpoint as `webhookEndpoints.create` returns it: `signingSecret` always there. */
export interface CreatedWebhookEndpoint
  extends v.InferOutput<typeof CreatedWebhookEndpointSchema> {}

const EventSubscriptionsSchema = v.pipe(
  v.array(EventTypeSchema),
  v.minLength(1, 'Expected at least one event type; leave eventSubscriptions out for all events'),
)

/** Body of `webhookEndpoints.create`. */
export const CreateWebhookEndpointParamsSchema = v.strictObject({
  /** Where events are posted; https in production. */
  url: HttpUrlSchema,
  /** Event types to receive. Leave it out to receive every event. */
  eventSubscriptions: v.optional(EventSubscriptionsSchema),
  description: v.optional(DescriptionSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `webhookEndpoints.create`. */
export type CreateWebhookEndpointParams = v.InferInput<typeof CreateWebhookEndpointParamsSchema>

/** Body of `webhookEndpoints.update`. */
export const UpdateWebhookEndpointParamsSchema = v.strictObject({
  /** `false` pauses deliveries. */
  active: v.optional(v.boolean()),
  url: v.optional(HttpUrlSchema),
  eventSubscriptions: v.optional(EventSubscriptionsSchema),
  description: v.optional(DescriptionSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `webhookEndpoints.update`. */
export type UpdateWebhookEndpointParams = v.InferInput<typeof UpdateWebhookEndpointParamsSchema>
