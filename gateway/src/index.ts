export { createGateway, type Gateway, type GatewayOptions } from './server';
export { composeApiSchema, composeSupergraph, supergraphPath } from './compose';
export { subgraphList, type SubgraphName } from './subgraphs';
export { graphiqlHtml } from './graphiql';
