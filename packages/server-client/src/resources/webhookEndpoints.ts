import type { Transport } from '@smartpay-kit/core'
import type {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointParams,
  UpdateWebhookEndpointParams,
  WebhookEndpoint,
} from '../schemas/webhookEndpoint.js'
import type { Create, OnId, Page, Update } from './methods.js'
import { resource } from './operation.js'
import { WEBHOOK_ENDPOINT_OPERATIONS } from './operations.js'

/** The `webhookEndpoints` resource of a server client. */
export interface WebhookEndpointsResource {
  /**
   * Registers a webhook URL. The response is the only place the endpoint's `signingSecret`
   * appears: store it as a secret for `verifyWebhook`.
   * @example
   * const { signingSecret } = await smartpay.webhookEndpoints.create({ url: 'https://shop.example/webhooks/smartpay', eventSubscriptions: ['order.authorized'] })
   */
  create: Create<CreateWebhookEndpointParams, CreatedWebhookEndpoint>
  /** Retrieves a webhook endpoint. */
  retrieve: OnId<WebhookEndpoint>
  /** Updates a webhook endpoint; `active: false` pauses deliveries. */
  update: Update<UpdateWebhookEndpointParams, WebhookEndpoint>
  /** Lists webhook endpoints: await one page or `for await` every endpoint. */
  list: Page<WebhookEndpoint>
  /** Deletes a webhook endpoint; resolves to `undefined` (the API answers 204). */
  delete: OnId<void>
}

/** Webhook endpoints: the URLs Smartpay posts events to. */
export function webhookEndpointsResource(transport: Transport): WebhookEndpointsResource {
  return resource(transport, WEBHOOK_ENDPOINT_OPERATIONS)
}
