/**
 * The four subgraphs of the federation, with the URLs the committed supergraph names (what
 * `npm start` uses). The gateway can override each one from the environment: PLACES_URL, …
 */
export const subgraphList = [
  { name: 'places', url: 'http://127.0.0.1:4001/graphql' },
  { name: 'people', url: 'http://127.0.0.1:4002/graphql' },
  { name: 'enterprises', url: 'http://127.0.0.1:4003/graphql' },
  { name: 'issues', url: 'http://127.0.0.1:4004/graphql' },
] as const;

export type SubgraphName = (typeof subgraphList)[number]['name'];
