// A fifth subgraph really is one folder plus one registry line: the template is copied under a
// fresh name as `npm run new-subgraph` copies it, registered, composed with the four, started with
// the whole federation, and asked for a field across it and places; then it is all taken away.
// The registry line is added in this process only (registerSubgraph), and the edits the script
// makes to the registry and the deployment files are checked on their text, because the test
// files running alongside this one read those files.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerSubgraph, repoRoot, subgraphEntries } from '@cadres/kit';
import { describeEachDatabase, pendingSchemaChanges } from '@cadres/kit/src/testing';
import { composeSupergraph } from '@cadres/gateway';
import { copyTemplate, entryFor, readManifests, withComposeService, withDatabase, withK8sManifests, withRegistryLine } from '../scripts/new-subgraph';
import { deploymentProblems, manifestProblems } from './support/deployment';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

const registered = subgraphEntries().map((e) => e.name);

describeEachDatabase('a new subgraph from templates/subgraph', (db) => {
  it('is copied, registered, composed, started with the federation and answers across places', async () => {
    const name = `t${randomBytes(4).toString('hex')}`;
    const entry = entryFor(name);
    const folder = path.join(repoRoot, entry.folder);
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'new-subgraph-'));
    const supergraph = path.join(scratch, 'supergraph.graphql');
    let unregister = () => {};
    let fed: RunningSupergraph | undefined;
    try {
      const port = Math.max(...subgraphEntries().map((e) => e.port)) + 1;
      expect(entry).toEqual({ name, folder: `subgraphs/${name}`, port, owns: { [`T${name.slice(1)}Note`]: 'divisionCode' } });
      copyTemplate(name, folder);

      // What the script writes: one registry line, and deployment files that pass the registry test.
      const registrySource = withRegistryLine(read('subgraphs/registry.ts'), entry);
      expect(registrySource.split('\n').filter((l) => !read('subgraphs/registry.ts').split('\n').includes(l))).toEqual([
        `  { name: '${name}', folder: 'subgraphs/${name}', port: ${port}, owns: { T${name.slice(1)}Note: 'divisionCode' } },`,
      ]);
      const compose = withComposeService(read('docker-compose.yml'), entry);
      const sql = withDatabase(read('scripts/mysql-init.sql'), name);
      expect(deploymentProblems(compose, sql, [...subgraphEntries(), entry])).toEqual([]);
      expect(manifestProblems(withK8sManifests(readManifests(), entry), [...subgraphEntries(), entry])).toEqual([]);

      unregister = registerSubgraph(entry);
      writeFileSync(supergraph, composeSupergraph());
      fed = await startSupergraph(db, { supergraph });

      const field = `${name}Note`;
      const { body } = await fed.request(`{ division(code: "370502000000") { name ${field} { note division { code level } } } }`);
      expect(body).toEqual({
        data: { division: { name: '东营区', [field]: { note: `东营区: ${name} note`, division: { code: '370502000000', level: 'DISTRICT' } } } },
      });
      const ready = await fetch(fed.url.replace('/graphql', '/ready'));
      expect([ready.status, await ready.json()]).toEqual([200, { ready: true, degraded: false, subgraphs: Object.fromEntries([...registered, name].map((n) => [n, true])) }]);
      // Its migration builds exactly its entities.
      expect(await pendingSchemaChanges(fed.subgraphs[name].ds)).toEqual([]);
    } finally {
      await fed?.stop();
      unregister();
      rmSync(folder, { recursive: true, force: true });
      rmSync(scratch, { recursive: true, force: true });
    }
    expect(subgraphEntries().map((e) => e.name)).toEqual(registered);
  });
});

describe('npm run new-subgraph', () => {
  it("keeps the template's resolver types what codegen makes of its SDL, so that a copy needs no codegen step", () => {
    // Its own process: graphql-codegen needs ESM-only packages jest's loader does not load.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/new-subgraph.ts', '--template-types', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    expect({ exit: run.status, stderr: run.stderr.trim() }).toEqual({ exit: 0, stderr: '' });
  });

  it('refuses a name that is taken or cannot prefix a setting', () => {
    expect(() => entryFor('places')).toThrow('places is registered already');
    expect(() => entryFor('gateway')).toThrow('gateway is taken');
    expect(() => entryFor('Grids')).toThrow('a subgraph name is one lowercase word');
  });
});
