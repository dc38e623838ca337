import { spawnSync } from 'node:child_process';
import { repoRoot } from '@cadres/kit';

/**
 * Each subgraph's resolver types (src/generated/graphql.ts) are generated from its SDL and its
 * src/mappers.ts by scripts/codegen.ts, and committed, so that `tsc` checks every resolver map
 * against the SDL; a stale file would check the resolvers against a schema the subgraph does not
 * serve. The check regenerates in memory and writes nothing. It runs in its own Node process:
 * graphql-codegen's plugins need ESM-only packages (auto-bind 5), which Node 20 loads and
 * jest's CommonJS loader does not.
 */
describe('generated resolver types', () => {
  it('are what every subgraph SDL and mappers generate (else: npm run codegen, and commit)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/codegen.ts', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    const problems = `${run.stderr}`.split('\n').filter((line) => line.trim());
    expect({ exit: run.status, problems }).toEqual({ exit: 0, problems: [] });
  });
});
