// The processes of the stack as npm start runs them (scripts/start.ts) and npm run bench
// (bench/run.ts) measures them: each subgraph of subgraphs/registry.ts and the gateway, each its
// own Node process under scripts/supervisor.ts.
import path from 'node:path';
import { settingPrefix, subgraphEntries } from '@cadres/kit';
import type { ProcessSpec } from './supervisor';

export const root = path.resolve(__dirname, '..');

export interface StackService {
  name: string;
  main: string;
  port: number;
  url: string;
  health: string;
}

/** Every registered subgraph, its port from <NAME>_PORT in `env` (the registry's otherwise). */
export function subgraphServices(env: NodeJS.ProcessEnv = process.env): StackService[] {
  return subgraphEntries().map(({ name, folder, port: defaultPort }) => {
    const port = Number(env[`${settingPrefix(name)}_PORT`] ?? defaultPort);
    return { name, main: `${folder}/src/main.ts`, port, url: `http://127.0.0.1:${port}/graphql`, health: `http://127.0.0.1:${port}/health` };
  });
}

/** <NAME>_URL of each: the gateway and the peers are told where the others answer. */
export const subgraphUrlEnv = (services: readonly StackService[]) => Object.fromEntries(services.map((s) => [`${settingPrefix(s.name)}_URL`, s.url]));

/** How a process runs: its TypeScript by tsx (npm start), or the code npm run build made (the bench). */
export interface NodeRun {
  /** The built tree (scripts/build.ts's output): `main` runs as its .js there with plain node, as in production. */
  built?: string;
  /** Node's own options, before the script (V8 heap sizes). */
  nodeArgs?: readonly string[];
}

/**
 * `main` (a TypeScript file under the root) run by Node, with tsx unless `run.built` says where its
 * compiled JavaScript is, with `env`; ready once it has reported `listening` (kit progress.ts: only
 * then is its port its own) and `ready` answers OK.
 */
export function nodeProcess(name: string, main: string, ready: string, env: NodeJS.ProcessEnv, run: NodeRun = {}): ProcessSpec {
  const script = run.built ? [path.join(run.built, main.replace(/\.ts$/, '.js'))] : ['--import', 'tsx', path.join(root, main)];
  return {
    name,
    command: process.execPath,
    args: [...(run.nodeArgs ?? []), ...script],
    cwd: root,
    env,
    // A probe that hangs must not hold up the next one.
    ready: async () => (await fetch(ready, { signal: AbortSignal.timeout(2000) })).ok,
    readyAfterStage: 'listening',
  };
}
