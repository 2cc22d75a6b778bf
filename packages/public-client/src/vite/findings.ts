import { fingerprint, SECRET_KEY_PATTERN } from '@smartpay-kit/core'
import { ROLL_KEYS_URL } from '../keys/refuseSecretKey.js'

/** Prefix of every message of the plugin. */
export const PLUGIN_NAME = 'smartpay-firewall'

/** The fingerprint of the first secret key in `text`, or undefined. Never the key. */
export function findSecretKey(text: string): string | undefined {
  const key = SECRET_KEY_PATTERN.exec(text)?.[1]
  return key === undefined ? undefined : fingerprint(key)
}

const ROLL = `Roll it now at ${ROLL_KEYS_URL}: anything that reached a client bundle is public.`
const KEEP =
  'Keep secret keys on the server (Vite SSR, an API route) and use @smartpay-kit/public-client with a pk_ key in the browser.'

/** A secret key in emitted client files: one line per file. */
export function keyInBundleMessage(
  files: readonly { file: string; key: string; module?: string }[],
) {
  const lines = files.map(
    ({ file, key, module }) => `  ${file}: ${key}${module ? ` (from ${module})` : ''}`,
  )
  return [
    `[${PLUGIN_NAME}] A Smartpay secret key is in the client bundle:`,
    ...lines,
    `${ROLL} ${KEEP}`,
  ].join('\n')
}

/** Env vars exposed to client code (`envPrefix`) that hold a secret key. */
export function keyInEnvMessage(
  variables: readonly { name: string; key: string }[],
  prefixes: readonly string[],
) {
  const lines = variables.map(({ name, key }) => `  ${name}: ${key}`)
  const exposed = prefixes.map((prefix) => `${prefix}*`).join(', ')
  return [
    `[${PLUGIN_NAME}] An env var exposed to client code (${exposed}, readable as import.meta.env) holds a Smartpay secret key:`,
    ...lines,
    `Rename it without the prefix and read it only on the server. ${ROLL}`,
  ].join('\n')
}

/** `@smartpay-kit/server-client` reached from client code, with the import chain. */
export function serverClientMessage(chain: readonly string[], specifier: string) {
  const [first = '(entry)', ...rest] = chain
  return [
    `[${PLUGIN_NAME}] ${specifier} is imported into client code:`,
    `  ${first}`,
    ...[...rest, specifier].map((id) => `    imports ${id}`),
    `It is the server client: it needs the secret key, which must never reach a browser. ${KEEP}`,
  ].join('\n')
}
