import { libraryConfig } from '../../vite.lib.ts'

const config = libraryConfig({
  index: 'src/index.ts',
  // The `react-server` condition's entry: the same API, with the key tainted for React.
  'react-server': 'src/reactServer.ts',
  webhooks: 'src/webhooks/index.ts',
  'webhooks-node': 'src/webhooks/node/index.ts',
  'webhooks-redis': 'src/webhooks/stores/redisEventStore.ts',
  'webhooks-postgres': 'src/webhooks/stores/postgresEventStore.ts',
  'webhooks-d1': 'src/webhooks/stores/d1EventStore.ts',
})

// dist/react-server.js imports dist/index.js as it is, so index.js keeps the package's code
// (bundled into both, it would move to a shared chunk and leave index.js a facade).
const rolldownOptions = config.build?.rolldownOptions ?? {}
const shared = rolldownOptions.external as (string | RegExp)[]
rolldownOptions.external = (id: string, importer: string | undefined) =>
  (id === './index.js' && importer?.endsWith('/src/reactServer.ts') === true) ||
  shared.some((pattern) => (typeof pattern === 'string' ? pattern === id : pattern.test(id)))

export default config
