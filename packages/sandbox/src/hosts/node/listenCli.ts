import { DEFAULT_KEYS } from '../../api/auth.js'
import type { Sandbox } from '../../engine/sandbox.js'

/** The test-mode secret key `listen` registers its endpoint with: the first one accepted. */
export function listenKey(keys: readonly string[] | undefined): string | undefined {
  if (keys === undefined) return DEFAULT_KEYS.secret
  return keys.find((key) => key.startsWith('sk_test_'))
}

/**
 * Registers a test-mode webhook endpoint for `url`, subscribed to every event, as the app would
 * through the API, and returns the lines that tell the app how to receive from it: the endpoint,
 * its signing secret, and the environment to run the app with.
 */
export async function registerListener(
  sandbox: Sandbox,
  url: string,
  key: string,
  caFile: string,
): Promise<string[]> {
  const response = await sandbox.fetch(`${sandbox.apiUrl}/webhook-endpoints`, {
    method: 'POST',
    headers: { authorization: `Basic ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url, description: 'smartpay-sandbox listen' }),
  })
  const endpoint = (await response.json()) as { id?: string; signingSecret?: string }
  if (response.status !== 200 || !endpoint.signingSecret)
    throw new Error(`Registering ${url} failed: ${response.status} ${JSON.stringify(endpoint)}`)
  const secret = endpoint.signingSecret
  return [
    `  Webhooks:       ${endpoint.id} → ${url} (every event, test mode)`,
    `  Signing secret: ${secret}`,
    `  Run your app:   SMARTPAY_WEBHOOK_SECRET=${secret} SMARTPAY_SECRET_KEY=${key} SMARTPAY_API_PREFIX=${sandbox.apiUrl} NODE_EXTRA_CA_CERTS=${caFile}`,
  ]
}
