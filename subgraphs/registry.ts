// The subgraphs of the federation, one line each. Everything that lists them is derived from
// here: composition (npm run compose), the gateway's subgraph list, URL settings and /ready, the
// peer client's owners, npm start, the test harness; test/registry.test.ts holds
// docker-compose.yml and scripts/mysql-init.sql to it. `npm run new-subgraph -- <name>` adds a line.
// Plain data, no imports: scripts read it without loading the kit.

export interface SubgraphEntry {
  /** One lowercase word: the service name, and the prefix of its settings (PLACES_DB_URL, PLACES_PORT, PLACES_URL). */
  readonly name: string;
  /** From the repository root: package.json, schema.graphql (its SDL), src/main.ts, src/index.ts. */
  readonly folder: string;
  /** Where it listens unless <NAME>_PORT says otherwise; the committed supergraph names these. */
  readonly port: number;
  /** The entity types it owns, each with its @key field: where a peer asks for one. */
  readonly owns: Readonly<Record<string, string>>;
}

export const registry = [
  { name: 'places', folder: 'subgraphs/places', port: 4001, owns: { Division: 'code', Building: 'id', BuildingUnit: 'id' } },
  { name: 'people', folder: 'subgraphs/people', port: 4002, owns: { Department: 'id', Cadre: 'id', Household: 'id', Resident: 'id', Visit: 'id', Campaign: 'id', HelpRecord: 'id', Pledge: 'id' } },
  { name: 'enterprises', folder: 'subgraphs/enterprises', port: 4003, owns: { Enterprise: 'id', Project: 'id' } },
  { name: 'issues', folder: 'subgraphs/issues', port: 4004, owns: { Issue: 'id', Demand: 'id' } },
] as const satisfies readonly SubgraphEntry[];

export type SubgraphName = (typeof registry)[number]['name'];

/** Every entity type a registered subgraph owns (distributes over the entries). */
export type OwnedType = (typeof registry)[number] extends infer E ? (E extends { owns: infer O } ? keyof O & string : never) : never;
