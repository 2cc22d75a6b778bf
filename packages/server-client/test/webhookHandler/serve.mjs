// Serves app.mjs over HTTPS on 127.0.0.1 with the runtime's own server (Deno.serve, Bun.serve),
// prints `PORT <n>`, and runs until killed. The secret and the certificate come from the
// environment.
import { app } from './app.mjs'

const env = globalThis.Deno
  ? (name) => globalThis.Deno.env.get(name)
  : (name) => globalThis.process.env[name]
const fetch = app(env('WEBHOOK_SECRET'))
const cert = env('TLS_CERT')
const key = env('TLS_KEY')

if (globalThis.Deno) {
  globalThis.Deno.serve(
    {
      hostname: '127.0.0.1',
      port: 0,
      cert,
      key,
      onListen: ({ port }) => console.log(`PORT ${port}`),
    },
    fetch,
  )
} else if (globalThis.Bun) {
  const server = globalThis.Bun.serve({ hostname: '127.0.0.1', port: 0, tls: { cert, key }, fetch })
  console.log(`PORT ${server.port}`)
} else {
  throw new Error('serve.mjs runs in Deno or Bun')
}
