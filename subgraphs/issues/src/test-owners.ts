// Test support: the issues subgraph on a fresh database, with stand-ins for its peers. kit's
// fake owners (startFakeOwners) answer keys and divisions only; issues also asks people for a
// department's division, a cadre's department, a household's linked cadres, a campaign's period
// and a department's cadres, so people's stand-in here answers those too, from people's real SDL
// (a selection people does not serve still fails the test). Places' stand-in answers a
// Division's childCodes from `places`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql } from 'graphql';
import { loadSdl, ownerOf, parseConfig, type Subgraph } from '@cadres/kit';
import { createTestSubgraph, startFakeOwners, type TestDatabaseKind } from '@cadres/kit/src/testing';
import { issuesSettings, type IssuesConfig } from './config';
import { subgraph as issuesSubgraph } from './server';

export interface PeopleFixtures {
  /** Department id → the division it serves. Default: `D-DDDDDD-…` serves district DDDDDD, any other 370502 (东营区). */
  departments?: Record<string, string>;
  /** Cadre id → its department. Default D-370502-01. */
  cadres?: Record<string, string>;
  /** Department id → its cadres' ids (people's Department.cadreIds, ordered). Default: none. */
  departmentCadres?: Record<string, string[]>;
  /** Household id → the cadres linked to it. Default C-00001 and C-00002. */
  links?: Record<string, string[]>;
  /** Visit id → the cadres who made it. Default C-00001 and C-00002. */
  visits?: Record<string, string[]>;
  /** Campaign id → its period (Beijing dates); a campaign not listed is unknown. Default: none. */
  campaigns?: Record<string, { from: string; to: string }>;
  /** When given, every query people's stand-in receives is pushed here (tests that count requests). */
  received?: string[];
}

export interface PlacesFixtures {
  /** Division code → its direct children's codes (places' childCodes). Default: none. */
  children?: Record<string, string[]>;
}

const LOCATED = '370502001201';
const isMissing = (key: string) => key.includes('missing');

function peopleSchema(f: PeopleFixtures) {
  const served = (id: string) => f.departments?.[id] ?? `${/^D-(\d{6})-/.exec(id)?.[1] ?? '370502'}000000`;
  const fields: Record<string, (id: string) => Record<string, unknown>> = {
    Department: (id) => ({ divisionCode: served(id), cadreIds: f.departmentCadres?.[id] ?? [] }),
    Cadre: (id) => ({ department: { id: f.cadres?.[id] ?? 'D-370502-01' } }),
    Household: (id) => ({ division: { code: LOCATED }, liaisons: (f.links?.[id] ?? ['C-00001', 'C-00002']).map((c) => ({ cadre: { id: c } })) }),
    Visit: (id) => ({ cadres: (f.visits?.[id] ?? ['C-00001', 'C-00002']).map((c) => ({ id: c })) }),
  };
  const resolvers: Record<string, { __resolveReference(ref: { id: string }): unknown }> = Object.fromEntries(
    Object.entries(fields).map(([type, of]) => [
      type,
      { __resolveReference: (ref: { id: string }) => (isMissing(ref.id) ? null : { ...ref, ...of(ref.id) }) },
    ]),
  );
  resolvers.Campaign = { __resolveReference: (ref) => (f.campaigns?.[ref.id] ? { ...ref, ...f.campaigns[ref.id] } : null) };
  return buildSubgraphSchema([{ typeDefs: loadSdl('people'), resolvers: resolvers as never }]);
}

/** People's stand-in over HTTP, with kit's fake owners for the other peers. */
export async function startIssuesPeers(fixtures: PeopleFixtures = {}, places: PlacesFixtures = {}) {
  const others = await startFakeOwners(undefined, undefined, (type, key) => (type === 'Division' ? { childCodes: places.children?.[key] ?? [] } : {}));
  const schema = peopleSchema(fixtures);
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
      fixtures.received?.push(query);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(await graphql({ schema, source: query, variableValues: variables })));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    peers: { ...others.peers, [ownerOf('Department').peer]: url },
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await others.close();
    },
  };
}

export const testConfig = (env: Record<string, string> = {}): IssuesConfig => parseConfig(issuesSettings, env);

/** The issues subgraph on a new database of `db`'s kind, with its peers' stand-ins; `stop` stops them all. */
export async function createIssuesSubgraph(
  db: TestDatabaseKind,
  opts: { now?: () => Date; config?: IssuesConfig; people?: PeopleFixtures; places?: PlacesFixtures } = {},
): Promise<Subgraph<IssuesConfig>> {
  const owners = await startIssuesPeers(opts.people, opts.places);
  const subgraph = await createTestSubgraph(issuesSubgraph, db, { config: opts.config ?? testConfig(), now: opts.now, peers: owners.peers });
  const stop = subgraph.stop;
  return Object.assign(subgraph, { stop: () => stop().finally(() => owners.close()) });
}
