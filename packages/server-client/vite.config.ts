import { libraryConfig } from '../../vite.lib.ts'

export default libraryConfig({
  index: 'src/index.ts',
  // The `react-server` condition's entry: the same API, with the key tainted for React.
  'react-server': 'src/reactServer.ts',
  webhooks: 'src/webhooks/index.ts',
  'webhooks-node': 'src/webhooks/node/index.ts',
  'webhooks-redis': 'src/webhooks/stores/redisEventStore.ts',
  'webhooks-postgres': 'src/webhooks/stores/postgresEventStore.ts',
  'webhooks-d1': 'src/webhooks/stores/d1EventStore.ts',
})
