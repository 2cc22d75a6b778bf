import {
  type ApiPromise,
  type CallOptions,
  type PagePromise,
  paginate,
  type Transport,
} from '@smartpay-kit/core'
import { collectionSchema, type PageParams, PageParamsSchema } from '../schemas/collection.js'
import {
  type CreatedWebhookEndpoint,
  CreatedWebhookEndpointSchema,
  type CreateWebhookEndpointParams,
  CreateWebhookEndpointParamsSchema,
  type UpdateWebhookEndpointParams,
  UpdateWebhookEndpointParamsSchema,
  type WebhookEndpoint,
  WebhookEndpointSchema,
} from '../schemas/webhookEndpoint.js'
import { checked, idPath } from './call.js'

const PATH = '/webhook-endpoints'

/** Webhook endpoints: the URLs Smartpay posts events to. */
export function webhookEndpointsResource(transport: Transport) {
  const at = (id: string) => `${PATH}/${idPath(transport, 'webhookEndpoint', id)}`
  return {
    /**
     * Registers a webhook URL. The response is the only place the endpoint's `signingSecret`
     * appears: store it as a secret for `verifyWebhook`.
     * @example
     * const { signingSecret } = await smartpay.webhookEndpoints.create({ url: 'https://shop.example/webhooks/smartpay', eventSubscriptions: ['order.authorized'] })
     */
    create(
      params: CreateWebhookEndpointParams,
      options?: CallOptions,
    ): ApiPromise<CreatedWebhookEndpoint> {
      return transport.request<CreatedWebhookEndpoint>({
        method: 'POST',
        path: PATH,
        body: params,
        bodySchema: CreateWebhookEndpointParamsSchema,
        responseSchema: CreatedWebhookEndpointSchema,
        options,
      })
    },

    /** Retrieves a webhook endpoint. */
    retrieve(id: string, options?: CallOptions): ApiPromise<WebhookEndpoint> {
      return checked(() =>
        transport.request<WebhookEndpoint>({
          method: 'GET',
          path: at(id),
          responseSchema: WebhookEndpointSchema,
          options,
        }),
      )
    },

    /** Updates a webhook endpoint; `active: false` pauses deliveries. */
    update(
      id: string,
      params: UpdateWebhookEndpointParams,
      options?: CallOptions,
    ): ApiPromise<WebhookEndpoint> {
      return checked(() =>
        transport.request<WebhookEndpoint>({
          method: 'PATCH',
          path: at(id),
          body: params,
          bodySchema: UpdateWebhookEndpointParamsSchema,
          responseSchema: WebhookEndpointSchema,
          options,
        }),
      )
    },

    /** Lists webhook endpoints: await one page or `for await` every endpoint. */
    list(params?: PageParams, options?: CallOptions): PagePromise<WebhookEndpoint> {
      return paginate<WebhookEndpoint>(transport, {
        method: 'GET',
        path: PATH,
        query: params ?? {},
        querySchema: PageParamsSchema,
        responseSchema: collectionSchema(WebhookEndpointSchema),
        options,
      })
    },

    /** Deletes a webhook endpoint; resolves to `undefined` (the API answers 204). */
    delete(id: string, options?: CallOptions): ApiPromise<void> {
      return checked(() => transport.request<void>({ method: 'DELETE', path: at(id), options }))
    },
  }
}

/** The `webhookEndpoints` resource of a server client. */
export type WebhookEndpointsResource = ReturnType<typeof webhookEndpointsResource>
