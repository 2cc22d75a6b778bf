import {
  type ApiPromise,
  type CallOptions,
  type PagePromise,
  paginate,
  type Transport,
} from '@smartpay-kit/core'
import { collectionSchema, type PageParams, PageParamsSchema } from '../schemas/collection.js'
import { type Token, TokenSchema } from '../schemas/token.js'
import { checked, idPath } from './call.js'

const PATH = '/tokens'

/** Payment tokens: a shopper's consent, from `createForToken`, to be charged by `orders.create`. */
export function tokensResource(transport: Transport) {
  const at = (id: string) => `${PATH}/${idPath(transport, 'token', id)}`
  return {
    /** Retrieves a payment token. */
    retrieve(id: string, options?: CallOptions): ApiPromise<Token> {
      return checked(() =>
        transport.request<Token>({
          method: 'GET',
          path: at(id),
          responseSchema: TokenSchema,
          options,
        }),
      )
    },

    /** Lists payment tokens: await one page or `for await` every token. */
    list(params?: PageParams, options?: CallOptions): PagePromise<Token> {
      return paginate<Token>(transport, {
        method: 'GET',
        path: PATH,
        query: params ?? {},
        querySchema: PageParamsSchema,
        responseSchema: collectionSchema(TokenSchema),
        options,
      })
    },

    /** Re-enables a disabled token; resolves to `undefined` (the API answers with no body). */
    enable(id: string, options?: CallOptions): ApiPromise<void> {
      return checked(() =>
        transport.request<void>({ method: 'PUT', path: `${at(id)}/enable`, options }),
      )
    },

    /** Disables a token until `enable`; resolves to `undefined`. */
    disable(id: string, options?: CallOptions): ApiPromise<void> {
      return checked(() =>
        transport.request<void>({ method: 'PUT', path: `${at(id)}/disable`, options }),
      )
    },

    /** Deletes a token for good; resolves to `undefined` (the API answers 204). */
    delete(id: string, options?: CallOptions): ApiPromise<void> {
      return checked(() => transport.request<void>({ method: 'DELETE', path: at(id), options }))
    },
  }
}

/** The `tokens` resource of a server client. */
export type TokensResource = ReturnType<typeof tokensResource>
