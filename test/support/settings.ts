// Which environment variables each process of a deployment reads, derived from the code: the
// keys its config schemas read (kit's subgraphEnv with the key and limit settings, the
// subgraph's own settings, the gateway's config) and the `process.env.NAME` its sources read
// directly (HOST). test/deployment.test.ts holds docker-compose.yml and the manifests to it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { definitionOf, parseConfig, repoRoot, subgraphEntries, subgraphEnv } from '@cadres/kit';
import { loadGatewayConfig } from '../../gateway/src/config';
import { builtMain } from './deployment';

export interface Process {
  /** Every variable it reads. */
  names: ReadonlySet<string>;
  /** Parses an environment as the process does at start-up; throws naming a bad value. */
  parse(env: NodeJS.ProcessEnv): void;
}

/**
 * The variables `parse` asks its environment for: given an environment that records every
 * property read, a zod object schema reads each key of its shape (defaults apply to the rest).
 */
function keysRead(parse: (env: NodeJS.ProcessEnv) => unknown): string[] {
  const read = new Set<string>();
  const env = new Proxy({}, { get: (_, key) => (typeof key === 'string' && read.add(key), undefined) });
  parse(env);
  return [...read].filter((k) => /^[A-Z][A-Z0-9_]*$/.test(k));
}

/** `process.env.NAME` in the TypeScript under `dirs` (tests and test helpers left out). */
function readDirectly(...dirs: string[]): string[] {
  const files = (p: string): string[] =>
    statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => files(path.join(p, f))) : /\.ts$/.test(p) && !/(\.test|\/testing)\.ts$/.test(p) ? [p] : [];
  return dirs.flatMap((d) => files(path.join(repoRoot, d))).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]));
}

const kit = 'subgraphs/kit/src';

/** The processes npm run build makes, by the file a container's command runs. */
export function processes(): Map<string, Process> {
  const all = new Map<string, Process>();
  const add = (main: string, parse: (env: NodeJS.ProcessEnv) => void, ...sources: string[]) =>
    all.set(main, { names: new Set([...keysRead(parse), ...readDirectly(...sources)]), parse });
  add(builtMain('gateway'), (env) => loadGatewayConfig(env), 'gateway/src', kit);
  for (const entry of subgraphEntries()) {
    const parse = (env: NodeJS.ProcessEnv) => {
      parseConfig(subgraphEnv(entry.name), env);
      parseConfig(definitionOf(entry).settings, env);
    };
    add(builtMain(entry.folder), parse, `${entry.folder}/src`, kit);
  }
  add('dist/scripts/keys.js', () => undefined, 'scripts/keys.ts');
  return all;
}
