// The dashboard operations npm run bench measures: each document is a .graphql file in
// bench/operations/, its variables picked from the seeded data set (bench/run.ts finds the
// divisions, cadres and departments first), for client `i` of the run.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** What the variables are chosen from: codes and ids that exist in the data set. */
export interface Targets {
  city: string;
  districts: string[];
  townships: string[];
  cadres: string[];
  departments: string[];
}

export interface Operation {
  title: string;
  file: string;
  /** Set when one subgraph serves every field: that subgraph is measured directly too. */
  subgraph?: string;
  /** The variables of the `i`th target of its kind (`i` wraps around). */
  variables(t: Targets, i: number): Record<string, unknown>;
}

const at = <T>(list: readonly T[], i: number) => list[i % list.length];

export const operations: readonly Operation[] = [
  { title: 'city overview', file: 'overview.graphql', variables: (t) => ({ code: t.city }) },
  { title: 'district overview', file: 'overview.graphql', variables: (t, i) => ({ code: at(t.districts, i) }) },
  { title: "township's villages, liaisons, open issues", file: 'township-villages.graphql', variables: (t, i) => ({ code: at(t.townships, i) }) },
  { title: "district's red issues", file: 'red-issues.graphql', variables: (t, i) => ({ code: at(t.districts, i) }) },
  { title: "a cadre's page", file: 'cadre-page.graphql', variables: (t, i) => ({ id: at(t.cadres, i) }) },
  { title: 'red projects', file: 'red-projects.graphql', variables: (t, i) => ({ code: at(t.districts, i) }) },
  { title: 'district activity', file: 'activity.graphql', variables: (t, i) => ({ code: at(t.districts, i) }) },
  { title: 'department ranking', file: 'department-ranking.graphql', variables: (t, i) => ({ code: at(t.districts, i) }) },
  { title: "places only: a township's villages", file: 'places-villages.graphql', subgraph: 'places', variables: (t, i) => ({ code: at(t.townships, i) }) },
  { title: "people only: a department's cadres", file: 'department-cadres.graphql', subgraph: 'people', variables: (t, i) => ({ id: at(t.departments, i) }) },
];

export const documentOf = (op: Operation) => readFileSync(path.join(__dirname, 'operations', op.file), 'utf8');
