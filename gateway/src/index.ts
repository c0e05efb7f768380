export { startGateway, subgraphUrls } from './gateway';
export { composeSupergraph, readCommittedSupergraph, subgraphSdl, SUBGRAPHS, SUPERGRAPH_PATH } from './supergraph';
export { ACCESS_MATRIX_PATH, renderAccessMatrix } from './access-matrix';
