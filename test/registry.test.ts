// subgraphs/registry.ts is the one list of subgraphs; what cannot be derived from it (the
// deployment files, each folder's contents) is held to it here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, type ConstDirectiveNode } from 'graphql';
import { definitionOf, loadSdl, registryProblems, repoRoot, sdlPath, subgraphEntries, type SubgraphEntry } from '@cadres/kit';
import { registry } from '../subgraphs/registry';
import { deploymentProblems } from './support/deployment';
import { parseYaml } from './support/yaml';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

/** The @key fields of each entity type an SDL defines or extends. */
function keysIn(name: string): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const d of loadSdl(name).definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const fields = (d.directives ?? [])
      .filter((dir: ConstDirectiveNode) => dir.name.value === 'key')
      .map((dir) => dir.arguments?.find((a) => a.name.value === 'fields')?.value)
      .flatMap((v) => (v?.kind === Kind.STRING ? [v.value] : []));
    if (fields.length) keys.set(d.name.value, fields);
  }
  return keys;
}

describe('subgraphs/registry.ts', () => {
  it('has unique names, ports and owned types, and names that can prefix a setting', () => {
    expect(registryProblems(subgraphEntries())).toEqual([]);
    expect(subgraphEntries()).toEqual(registry);
  });

  it("names folders that hold a subgraph's package, SDL, main.ts and its definition", () => {
    for (const entry of subgraphEntries()) {
      const pkg = JSON.parse(read(`${entry.folder}/package.json`)) as { name: string; main: string };
      expect([entry.name, pkg.name, pkg.main]).toEqual([entry.name, `@cadres/${entry.name}`, 'src/index.ts']);
      expect([entry.name, existsSync(sdlPath(entry)), existsSync(path.join(repoRoot, entry.folder, 'src/main.ts'))]).toEqual([entry.name, true, true]);
      expect(definitionOf(entry).name).toBe(entry.name);
    }
  });

  it("lists what each subgraph owns as its SDL keys it, and no subgraph keys another's type by another field", () => {
    const problems: string[] = [];
    const owners = new Map(subgraphEntries().flatMap((e: SubgraphEntry) => Object.entries(e.owns).map(([type, key]) => [type, { owner: e.name, key }] as const)));
    for (const { name, owns } of subgraphEntries()) {
      const keys = keysIn(name);
      for (const [type, key] of Object.entries(owns)) if (!keys.get(type)?.includes(key)) problems.push(`${name} owns ${type} by ${key}, but its SDL does not key it so`);
      for (const [type, fields] of keys) {
        const owned = owners.get(type);
        if (!owned) problems.push(`${name} defines entity ${type}, which no subgraph owns in the registry`);
        else if (!fields.includes(owned.key)) problems.push(`${name} keys ${type} by ${fields.join(', ')}, not ${owned.key} as ${owned.owner} does`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the deployment files', () => {
  it('give every registered subgraph its service, port, health check, URL and database, and nothing else', () => {
    expect(deploymentProblems(read('docker-compose.yml'), read('scripts/mysql-init.sql'), subgraphEntries())).toEqual([]);
  });

  it('are checked for real: a subgraph without its lines is found out', () => {
    const absent = { name: 'absent', folder: 'subgraphs/absent', port: 4999, owns: {} };
    expect(deploymentProblems(read('docker-compose.yml'), read('scripts/mysql-init.sql'), [...subgraphEntries(), absent])).toEqual([
      'docker-compose.yml has no service absent',
    ]);
    const compose = read('docker-compose.yml').replace('fetch(\'http://127.0.0.1:4002/health\')', "fetch('http://127.0.0.1:4012/health')");
    expect(deploymentProblems(compose, read('scripts/mysql-init.sql').replace(/^CREATE DATABASE IF NOT EXISTS issues .*$/m, ''), subgraphEntries())).toEqual([
      'people: no health check on 127.0.0.1:4002/health',
      'scripts/mysql-init.sql does not create database issues',
    ]);
  });
});

describe('the YAML reader the deployment test uses', () => {
  it('reads anchors, merge keys, flow collections, quotes and comments as YAML does', () => {
    const doc = parseYaml(
      [
        'base: &b { a: "1", list: [x, "y, z"] }  # a comment',
        "env: &e",
        '  K: v # not part of the value',
        "  Q: 'it''s'",
        'one:',
        '  <<: *b',
        '  a: "2"',
        '  env: { <<: *e, X: "#1" }',
        '  items:',
        '    - plain:with:colons',
        '    - k: v',
        '      m: n',
        '  empty:',
      ].join('\n'),
    );
    expect(doc).toEqual({
      base: { a: '1', list: ['x', 'y, z'] },
      env: { K: 'v', Q: "it's" },
      one: { a: '2', list: ['x', 'y, z'], env: { K: 'v', Q: "it's", X: '#1' }, items: ['plain:with:colons', { k: 'v', m: 'n' }], empty: null },
    });
    expect(() => parseYaml('a: |\n  text')).toThrow('line 1: unsupported YAML: |');
  });
});
