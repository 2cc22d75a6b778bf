import type { Transport } from '@smartpay-kit/core'
import type { Token } from '../schemas/token.js'
import type { OnId, Page } from './methods.js'
import { resource } from './operation.js'
import { TOKEN_OPERATIONS } from './operations.js'

/** The `tokens` resource of a server client. */
export interface TokensResource {
  /** Retrieves a payment token. */
  retrieve: OnId<Token>
  /** Lists payment tokens: await one page or `for await` every token. */
  list: Page<Token>
  /** Re-enables a disabled token; resolves to `undefined` (the API answers with no body). */
  enable: OnId<void>
  /** Disables a token until `enable`; resolves to `undefined`. */
  disable: OnId<void>
  /** Deletes a token for good; resolves to `undefined` (the API answers 204). */
  delete: OnId<void>
}

/** Payment tokens: a shopper's consent, from `createForToken`, to be charged by `orders.create`. */
export function tokensResource(transport: Transport): TokensResource {
  return resource(transport, TOKEN_OPERATIONS)
}
