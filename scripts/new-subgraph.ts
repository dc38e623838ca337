// npm run new-subgraph -- <name>: a new subgraph from templates/subgraph. Copies the template to
// subgraphs/<name> (sample, Sample and SAMPLE renamed), gives it the next free port, and adds its
// line to subgraphs/registry.ts, its service to docker-compose.yml, its database to
// scripts/mysql-init.sql and its directory to deploy/k8s (a copy of places'). Everything else (compose, npm start, the gateway, the tests) reads the
// registry. test/new-subgraph.test.ts runs these steps on every test run.
//
// The template carries its resolver types (src/generated/graphql.ts), so that it type-checks and a
// copy is complete without a codegen step; the copy's renamed file is what `npm run codegen` would
// write for it. After editing the template: `npm run new-subgraph -- --template-types` rewrites
// them (`--check` only compares; a test runs that).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { registerSubgraph, registryProblems, settingPrefix, subgraphEntries, type SubgraphEntry } from '../subgraphs/kit/src/registry';

const root = path.resolve(__dirname, '..');
export const templateFolder = path.join(root, 'templates', 'subgraph');
const PLACEHOLDER = 'sample';
/** Names a subgraph cannot take: the other services of docker-compose.yml and kit's folder. */
const RESERVED = ['gateway', 'mysql', 'kit', PLACEHOLDER];

const capitalized = (name: string) => name[0].toUpperCase() + name.slice(1);

/** The template's text (or a path in it) for the subgraph `name`. */
export const renamed = (text: string, name: string) =>
  text.replaceAll(PLACEHOLDER, name).replaceAll(capitalized(PLACEHOLDER), capitalized(name)).replaceAll(PLACEHOLDER.toUpperCase(), settingPrefix(name));

/** The entity types the template's SDL keys, by their key: what the new subgraph owns. */
function ownedByTemplate(name: string): Record<string, string> {
  const sdl = parse(renamed(readFileSync(path.join(templateFolder, 'schema.graphql'), 'utf8'), name));
  const others = new Set(subgraphEntries().flatMap((e) => Object.keys(e.owns)));
  const owns: Record<string, string> = {};
  for (const d of sdl.definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION || others.has(d.name.value)) continue;
    const key = d.directives?.find((dir) => dir.name.value === 'key')?.arguments?.find((a) => a.name.value === 'fields')?.value;
    if (key?.kind === Kind.STRING) owns[d.name.value] = key.value;
  }
  return owns;
}

const nextPort = (entries: readonly SubgraphEntry[]) => Math.max(...entries.map((e) => e.port)) + 1;

/** The registry entry of a new subgraph: its folder, the next free port, what the template makes it own. */
export function entryFor(name: string, entries: readonly SubgraphEntry[] = subgraphEntries()): SubgraphEntry {
  if (RESERVED.includes(name)) throw new Error(`${name} is taken (${RESERVED.join(', ')} are)`);
  if (entries.some((e) => e.name === name)) throw new Error(`${name} is registered already`);
  const entry = { name, folder: `subgraphs/${name}`, port: nextPort(entries), owns: ownedByTemplate(name) };
  const problems = registryProblems([...entries, entry]);
  if (problems.length) throw new Error(`Cannot add ${name}: ${problems.join('; ')}`);
  return entry;
}

/** Copies the template to `target` (which must not exist), renaming it in file names and contents. */
export function copyTemplate(name: string, target: string): void {
  if (existsSync(target)) throw new Error(`${target} exists already`);
  cpSync(templateFolder, target, { recursive: true });
  const visit = (dir: string) => {
    for (const child of readdirSync(dir)) {
      let file = path.join(dir, child);
      if (child.includes(PLACEHOLDER)) renameSync(file, (file = path.join(dir, renamed(child, name))));
      if (statSync(file).isDirectory()) visit(file);
      else writeFileSync(file, renamed(readFileSync(file, 'utf8'), name));
    }
  };
  visit(target);
}

/** `text` with `line` inserted after the last match of `after` (or before the first of `before`); throws when the file does not look as expected. */
function insert(text: string, file: string, line: string, where: { after: RegExp } | { before: string }): string {
  if ('before' in where) {
    const at = text.indexOf(where.before);
    if (at < 0) throw new Error(`${file}: no ${JSON.stringify(where.before)} to add before; add ${JSON.stringify(line)} by hand`);
    return text.slice(0, at) + line + text.slice(at);
  }
  const matches = [...text.matchAll(new RegExp(where.after.source, 'gm'))];
  const last = matches[matches.length - 1];
  if (!last) throw new Error(`${file}: no line like ${where.after} to add after; add ${JSON.stringify(line)} by hand`);
  const end = last.index + last[0].length + 1;
  return text.slice(0, end) + line + text.slice(end);
}

/** subgraphs/registry.ts with the entry's line added last (composition order). */
export function withRegistryLine(source: string, e: SubgraphEntry): string {
  const owns = Object.entries(e.owns).map(([type, key]) => `${type}: '${key}'`).join(', ');
  const line = `  { name: '${e.name}', folder: '${e.folder}', port: ${e.port}, owns: { ${owns} } },\n`;
  return insert(source, 'subgraphs/registry.ts', line, { before: '] as const satisfies readonly SubgraphEntry[];' });
}

/** docker-compose.yml with the subgraph's URL in the shared environment, its service, and the gateway waiting for it. */
export function withComposeService(yaml: string, { name, folder, port }: SubgraphEntry): string {
  const prefix = settingPrefix(name);
  const health = `fetch('http://127.0.0.1:${port}/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
  const service = [
    `  ${name}:`,
    `    <<: *node`,
    `    command: ["node", "dist/${folder}/src/main.js"]`,
    `    expose: ["${port}"]`,
    `    environment: { <<: *env, ${prefix}_DB_URL: "mysql://root:cadres@mysql:3306/${name}" }`,
    `    healthcheck: { <<: *health, test: ["CMD", "node", "-e", "${health}"] }`,
    '',
  ].join('\n');
  let out = insert(yaml, 'docker-compose.yml', `    ${prefix}_URL: http://${name}:${port}/graphql\n`, { after: /^    [A-Z][A-Z0-9]*_URL: http:\/\/.*$/ });
  // After the last subgraph, before the blank line that sets the gateway apart.
  out = insert(out, 'docker-compose.yml', service, { before: '\n  gateway:\n' });
  return insert(out, 'docker-compose.yml', `      ${name}: { condition: service_healthy }\n`, { after: /^      [a-z][a-z0-9]*: \{ condition: service_healthy \}$/ });
}

/** scripts/mysql-init.sql with the subgraph's database. */
export const withDatabase = (sql: string, name: string) =>
  `${sql.replace(/\n*$/, '\n')}CREATE DATABASE IF NOT EXISTS ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n`;

/** Kubernetes manifests by their path below deploy/k8s. */
export type Manifests = Record<string, string>;
const K8S_MODEL = 'places';

/**
 * deploy/k8s with the subgraph's own directory (places' Deployment, Service, Secret and
 * kustomization, renamed and on its port), listed in the root kustomization and its URL in the
 * common settings.
 */
export function withK8sManifests(manifests: Manifests, { name, port }: SubgraphEntry): Manifests {
  const model = subgraphEntries().find((e) => e.name === K8S_MODEL)!;
  const adapt = (text: string) =>
    text
      .replace(new RegExp(`\\b${K8S_MODEL}\\b`, 'g'), name)
      .replaceAll(`${settingPrefix(K8S_MODEL)}_`, `${settingPrefix(name)}_`)
      .replace(new RegExp(`\\b${model.port}\\b`, 'g'), String(port));
  const out: Manifests = { ...manifests };
  for (const [file, text] of Object.entries(manifests)) {
    if (file.startsWith(`${K8S_MODEL}/`)) out[`${name}/${file.slice(K8S_MODEL.length + 1)}`] = adapt(text);
  }
  out['kustomization.yaml'] = insert(manifests['kustomization.yaml'], 'deploy/k8s/kustomization.yaml', `  - ${name}\n`, { after: /^  - (?!common$|gateway$)[a-z][a-z0-9]*$/ });
  out['common/settings.yaml'] = insert(manifests['common/settings.yaml'], 'deploy/k8s/common/settings.yaml', `  ${settingPrefix(name)}_URL: http://${name}:${port}/graphql\n`, {
    after: /^  [A-Z][A-Z0-9]*_URL: http:\/\/.*$/,
  });
  return out;
}

/** Every .yaml under `dir` (deploy/k8s), by its path below it. */
export function readManifests(dir = path.join(root, 'deploy', 'k8s')): Manifests {
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(path.join(d, f)).isDirectory() ? walk(path.join(d, f)).map((g) => `${f}/${g}`) : [f]));
  return Object.fromEntries(walk(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

const templateTypesPath = path.join(templateFolder, 'src', 'generated', 'graphql.ts');

/** The template's resolver types as codegen generates them, the template registered in-process under its own name. */
async function templateTypes(): Promise<string> {
  const folder = path.relative(root, templateFolder);
  registerSubgraph({ name: PLACEHOLDER, folder, port: nextPort(subgraphEntries()), owns: ownedByTemplate(PLACEHOLDER) });
  // Loaded only here: graphql-codegen is large, and the copy needs none of it.
  const { generate } = await import('./codegen');
  return generate(PLACEHOLDER);
}

async function writeTemplateTypes(check: boolean) {
  const text = await templateTypes();
  const shown = path.relative(root, templateTypesPath);
  if (!check) {
    writeFileSync(templateTypesPath, text);
    console.log(`wrote ${shown}`);
  } else if (!existsSync(templateTypesPath) || readFileSync(templateTypesPath, 'utf8') !== text) {
    throw new Error(`${shown} is stale: run \`npm run new-subgraph -- --template-types\` and commit it`);
  }
}

function main(name: string | undefined) {
  if (!name) throw new Error('Usage: npm run new-subgraph -- <name>   (one lowercase word, e.g. grids)');
  const entry = entryFor(name);
  const edit = (file: string, change: (text: string) => string) => [file, change(readFileSync(path.join(root, file), 'utf8'))] as const;
  // Every edit is worked out before anything is written, so that a refusal leaves nothing behind.
  const edits = [
    edit('subgraphs/registry.ts', (t) => withRegistryLine(t, entry)),
    edit('docker-compose.yml', (t) => withComposeService(t, entry)),
    edit('scripts/mysql-init.sql', (t) => withDatabase(t, name)),
  ];
  const manifests = readManifests();
  const k8s = Object.entries(withK8sManifests(manifests, entry)).filter(([file, text]) => manifests[file] !== text);
  copyTemplate(name, path.join(root, entry.folder));
  for (const [file, text] of edits) writeFileSync(path.join(root, file), text);
  for (const [file, text] of k8s) {
    mkdirSync(path.dirname(path.join(root, 'deploy', 'k8s', file)), { recursive: true });
    writeFileSync(path.join(root, 'deploy', 'k8s', file), text);
  }
  console.log(`Added the ${name} subgraph in ${entry.folder} (port ${entry.port}), registered in subgraphs/registry.ts,
with its service in docker-compose.yml, its database in scripts/mysql-init.sql and its manifests in
deploy/k8s/${name} (its Secret holds placeholders). Next:
  npm run compose      # schema/supergraph.graphql with its SDL
  npm test             # the registry, deployment and composition tests hold it to the rest
Then make it yours: ${entry.folder}/schema.graphql, src/entities, a new migration, src/resolvers.ts, src/seed.ts.`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const run = async () => (args[0] === '--template-types' ? writeTemplateTypes(args.includes('--check')) : main(args[0]));
  run().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
