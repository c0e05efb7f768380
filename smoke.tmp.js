
const { createDataSource } = require('/work/main/services/platform/dist');
const { participantSubgraph } = require('/work/main/services/participant/dist');
const { printSubgraphSchema } = require('@apollo/subgraph');
(async () => {
  const ds = createDataSource({ url: 'postgres://x@localhost/x', entities: participantSubgraph.entities, migrations: [] });
  const schema = await participantSubgraph.buildSchema(ds);
  console.log(printSubgraphSchema(schema).slice(0, 1500));
})().catch(e => { console.error(e); process.exit(1); });
