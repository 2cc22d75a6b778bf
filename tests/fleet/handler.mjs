// One server of the fleet: createWebhookHandler from the built package on node:http, with the
// store named by STORE (redis or postgres) at STORE_URL. Its one function asks the test's
// collector what to do for each run (run, throw, or wait to be released or killed) and reports
// the effect there when it completes. Prints `PORT <n>` once it listens.
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

const pkg = new URL('../../packages/server-client/', import.meta.url)
const requireFromPackage = createRequire(new URL('package.json', pkg))
const load = (name) => import(pathToFileURL(requireFromPackage.resolve(name)).href)
const { createWebhookHandler } = await import(new URL('dist/webhooks.js', pkg).href)
const { toNodeHandler } = await import(new URL('dist/webhooks-node.js', pkg).href)
const { STORE, STORE_URL, SECRET, COLLECTOR, LEASE_MS } = process.env

let store
if (STORE === 'redis') {
  const { createClient } = await load('redis5')
  const client = await createClient({ url: STORE_URL }).connect()
  const { redisEventStore } = await import(new URL('dist/webhooks-redis.js', pkg).href)
  store = redisEventStore(client)
} else if (STORE === 'postgres') {
  const pg = (await load('pg')).default
  const pool = new pg.Pool({ connectionString: STORE_URL, max: 20 })
  pool.on('error', () => {})
  const { postgresEventStore } = await import(new URL('dist/webhooks-postgres.js', pkg).href)
  store = postgresEventStore(pool)
} else {
  throw new Error(`STORE must be redis or postgres, not ${STORE}`)
}

const tell = async (path, id) => {
  const response = await fetch(`${COLLECTOR}${path}`, {
    method: 'POST',
    body: JSON.stringify({ id, pid: process.pid }),
  })
  return response.json()
}

const handler = createWebhookHandler({
  signingSecret: SECRET,
  store,
  leaseMs: Number(LEASE_MS),
  onError: () => {},
  on: {
    'coupon.created': async (event) => {
      const { action } = await tell('/start', event.id)
      if (action === 'throw') throw new Error('the first run fails, as a database that is down')
      await tell('/effect', event.id)
    },
  },
})

const server = createServer(toNodeHandler(handler))
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`))
