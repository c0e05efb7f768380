export { startGateway, subgraphUrls } from './gateway';
export { composeSupergraph, readCommittedSupergraph, subgraphSdl, SUBGRAPHS, SUPERGRAPH_PATH } from './supergraph';
