import { createTransport } from '@smartpay-kit/core'
import { isShopperBrowser } from '@smartpay-kit/core/internal'
// Not a dependency of public-client: the server client from source, as a page would bundle it.
import { createServerClient } from '../../../../server-client/src/index.js'
import { createPublicClient } from '../../../src/index.js'

/** What each runtime layer did in this global: the secret-key paths refused, the public one ran. */
export interface ProbeResult {
  shopperBrowser: boolean
  serverClient: string
  secretTransport: string
  publicRetrieve: string
}

const SECRET = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'
const PUBLIC = 'pk_test_PCLEGPw9RrKIAlRcK504Bj'

function outcome(start: () => unknown): string {
  try {
    start()
    return 'started'
  } catch (error) {
    const { name, message } = error as Error
    const rule = (error as { rule?: string }).rule
    // The key itself must never be in what was thrown.
    const leaked = message.includes('Ho1BrYTcg3gAX4vTKk1taz') ? ' LEAKED' : ''
    return `${name}${rule ? ` ${rule}` : ''}${leaked}`
  }
}

/** Runs the three layers against the HTTPS stand-in at `origin`. */
export async function probe(origin: string): Promise<ProbeResult> {
  const baseUrl = `${origin}/v1`
  const serverClient = outcome(() => createServerClient({ secretKey: SECRET, baseUrl }))
  const secretTransport = outcome(() => createTransport(SECRET, 'basic', { baseUrl }))
  const id = `checkout_test_${crypto.randomUUID().replaceAll('-', '')}`
  let publicRetrieve: string
  try {
    const session = await createPublicClient({
      publicKey: PUBLIC,
      baseUrl,
    }).checkoutSessions.retrieve(id)
    publicRetrieve = session.id === id ? 'retrieved' : `wrong session ${session.id}`
  } catch (error) {
    publicRetrieve = `failed: ${(error as Error).message}`
  }
  return { shopperBrowser: isShopperBrowser(), serverClient, secretTransport, publicRetrieve }
}
