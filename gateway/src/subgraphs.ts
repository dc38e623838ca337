import { defaultSubgraphUrl, sdlPath, subgraphEntries, type SubgraphName } from '@cadres/kit';

/**
 * The subgraphs of the federation (subgraphs/registry.ts, as loaded), with the URLs the
 * committed supergraph names (what `npm start` uses). The gateway can override each one from the
 * environment: PLACES_URL, …
 */
export const subgraphList = subgraphEntries().map((e) => ({ name: e.name as SubgraphName, url: defaultSubgraphUrl(e) }));

export type { SubgraphName };

/** The same, with the subgraphs registered since (the fifth-subgraph test), and where each one's SDL is. */
export const currentSubgraphs = () => subgraphEntries().map((e) => ({ name: e.name, url: defaultSubgraphUrl(e), sdlPath: sdlPath(e) }));
