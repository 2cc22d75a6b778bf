import { libraryConfig } from '../../vite.lib.ts'

export default libraryConfig({
  index: 'src/index.ts',
  webhooks: 'src/webhooks/index.ts',
  'webhooks-node': 'src/webhooks/node/index.ts',
  'webhooks-redis': 'src/webhooks/stores/redisEventStore.ts',
  'webhooks-postgres': 'src/webhooks/stores/postgresEventStore.ts',
  'webhooks-d1': 'src/webhooks/stores/d1EventStore.ts',
})
