import { ROLL_KEYS_URL } from '@smartpay-kit/core'

// Every message of the firewall, whatever bundler, framework or server found the key. Each
// shows key fingerprints only (`sk_live_…1taz`), never a key.

/** Prefix of every message of the plugin. */
export const PLUGIN_NAME = 'smartpay-firewall'

const ROLL = `Roll it now at ${ROLL_KEYS_URL}: anything that reached a client bundle is public.`
const KEEP =
  'Keep secret keys on the server (server rendering, an API route) and use @smartpay-kit/public-client with a pk_ key in the browser.'

/** One served file that holds a key. */
export interface KeyInFile {
  file: string
  /** Fingerprint and encodings, from `findSecretKey`. */
  key: string
  /** The source module whose code holds it. */
  module?: string
  /** The file it was copied from as it is (Vite's `public/`). */
  copiedFrom?: string
}

/** A secret key in the client output: one line per file. `written`: the folders it is in. */
export function keyInBundleMessage(files: readonly KeyInFile[], written?: string) {
  const lines = files.map(({ file, key, module, copiedFrom }) => {
    const origin = copiedFrom
      ? ` (copied from ${copiedFrom}: remove it there)`
      : module
        ? ` (from ${module})`
        : ''
    return `  ${file}: ${key}${origin}`
  })
  return [
    `[${PLUGIN_NAME}] A Smartpay secret key is in the client build output:`,
    ...lines,
    ...(written ? [`These files are already written to ${written}: do not deploy it.`] : []),
    `${ROLL} ${KEEP}`,
  ].join('\n')
}

/** Env vars exposed to client code (by their public prefixes) that hold a secret key. */
export function keyInEnvMessage(
  variables: readonly { name: string; key: string }[],
  prefixes: readonly string[],
) {
  const lines = variables.map(({ name, key }) => `  ${name}: ${key}`)
  const exposed = prefixes.map((prefix) => `${prefix}*`).join(', ')
  return [
    `[${PLUGIN_NAME}] An env var exposed to client code (${exposed}, which a build inlines into the page) holds a Smartpay secret key:`,
    ...lines,
    `Rename it without the prefix and read it only on the server. ${ROLL}`,
  ].join('\n')
}

/** Entries of a build config (`option`) that the framework inlines into client code. */
export function keyInClientConfigMessage(
  entries: readonly { name: string; key: string }[],
  option: string,
) {
  return [
    `[${PLUGIN_NAME}] ${option} holds a Smartpay secret key:`,
    ...entries.map(({ name, key }) => `  ${name}: ${key}`),
    `The framework inlines it into client code. Remove it there and read the key only on the server. ${ROLL}`,
  ].join('\n')
}

/** `define` entries holding a secret key, which the dev server sends to every page. */
export function keyInDefineMessage(entries: readonly { name: string; key: string }[]) {
  return [
    `[${PLUGIN_NAME}] A \`define\` entry holds a Smartpay secret key:`,
    ...entries.map(({ name, key }) => `  ${name}: ${key}`),
    'The dev server sends every `define` to the browser, and a build inlines it wherever client code reads it. ' +
      `Remove it from the client config and read the key only on the server. ${KEEP}`,
  ].join('\n')
}

/** The dev or preview server refused to send a response holding a key. */
export function keyInResponseMessage(url: string, key: string, server: 'dev' | 'preview') {
  const fix =
    server === 'dev'
      ? 'Remove the key from client code and files: a build would ship it.'
      : 'The output folder holds it: do not deploy it; roll the key if it was deployed before.'
  return [
    `[${PLUGIN_NAME}] The ${server} server refused to send ${url}: it holds a Smartpay secret key (${key}).`,
    `Nothing was sent. ${fix} ${KEEP}`,
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
