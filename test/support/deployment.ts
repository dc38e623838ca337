// What the deployment files must say about each registered subgraph: docker-compose.yml and
// scripts/mysql-init.sql (test/registry.test.ts checks the committed files; the fifth-subgraph
// test checks what `npm run new-subgraph` makes of them), the deploy/k8s manifests, the variables
// both set and the Dockerfile (test/deployment.test.ts).
import path from 'node:path';
import { settingPrefix, type SubgraphEntry } from '@cadres/kit';
import { parseYaml, type Yaml } from './yaml';

type Mapping = { [key: string]: Yaml };

/** What a container runs for the package in `folder`: its main.ts as npm run build compiles it. */
export const builtMain = (folder: string) => `dist/${folder}/src/main.js`;
const mapping = (v: Yaml | undefined): Mapping => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const list = (v: Yaml | undefined): Yaml[] => (Array.isArray(v) ? v : []);

/** Every way the two files disagree with `entries`, as sentences (empty when they agree). */
export function deploymentProblems(composeYaml: string, initSql: string, entries: readonly SubgraphEntry[]): string[] {
  const problems: string[] = [];
  const services = mapping(mapping(parseYaml(composeYaml)).services);
  const gateway = mapping(services.gateway);
  const gatewayEnv = mapping(gateway.environment);
  const dependsOn = mapping(gateway.depends_on);
  const databases = [...initSql.matchAll(/^CREATE DATABASE IF NOT EXISTS (\w+) /gm)].map((m) => m[1]);

  for (const { name, folder, port } of entries) {
    const prefix = settingPrefix(name);
    const service = services[name];
    if (!service) {
      problems.push(`docker-compose.yml has no service ${name}`);
      continue;
    }
    const s = mapping(service);
    const env = mapping(s.environment);
    if (!list(s.command).includes(builtMain(folder))) problems.push(`${name}: command does not run ${builtMain(folder)}`);
    const dbUrl = env[`${prefix}_DB_URL`];
    if (typeof dbUrl !== 'string' || !new RegExp(`^mysql://[^/]+/${name}$`).test(dbUrl)) {
      problems.push(`${name}: ${prefix}_DB_URL is ${JSON.stringify(dbUrl ?? null)}, not a mysql:// URL of database ${name}`);
    }
    if (!list(s.expose).includes(String(port))) problems.push(`${name}: does not expose its port ${port}`);
    const health = list(mapping(s.healthcheck).test).join(' ');
    if (!health.includes(`127.0.0.1:${port}/health`)) problems.push(`${name}: no health check on 127.0.0.1:${port}/health`);
    if (gatewayEnv[`${prefix}_URL`] !== `http://${name}:${port}/graphql`) {
      problems.push(`${name}: the gateway's ${prefix}_URL is ${JSON.stringify(gatewayEnv[`${prefix}_URL`] ?? null)}, not http://${name}:${port}/graphql`);
    }
    if (mapping(dependsOn[name]).condition !== 'service_healthy') problems.push(`${name}: the gateway does not wait for it to be healthy`);
    if (!databases.includes(name)) problems.push(`scripts/mysql-init.sql does not create database ${name}`);
  }

  const names = new Set(entries.map((e) => e.name));
  const infrastructure = new Set(['mysql', 'keys', 'gateway']);
  for (const service of Object.keys(services)) {
    if (!names.has(service) && !infrastructure.has(service)) problems.push(`docker-compose.yml runs ${service}, which subgraphs/registry.ts does not have`);
  }
  for (const database of databases) if (!names.has(database)) problems.push(`scripts/mysql-init.sql creates ${database}, which subgraphs/registry.ts does not have`);
  return problems;
}

/** The deploy/k8s manifests, by path below deploy/k8s (kustomization.yaml, people/deployment.yaml, …). */
export type Manifests = Record<string, string>;

interface Container {
  command: string[];
  /** Every variable it gets, with its value (from `value`, a Secret's stringData or an envFrom ConfigMap). */
  env: Map<string, string | undefined>;
  ports: Map<string, string>;
  probe(kind: string): { path?: string; port?: string };
}

/** The first container of each Deployment, by Deployment name, with its references resolved. */
function deployments(docs: Mapping[], problems: string[]): Map<string, Container> {
  const find = (kind: string, name: string) => docs.find((d) => d.kind === kind && mapping(d.metadata).name === name);
  const data = (kind: string, name: string, field: string, where: string) => {
    const doc = find(kind, name);
    if (!doc) problems.push(`${where}: no ${kind} ${name} in deploy/k8s`);
    return mapping(doc?.[field]);
  };
  const result = new Map<string, Container>();
  for (const d of docs.filter((doc) => doc.kind === 'Deployment')) {
    const name = String(mapping(d.metadata).name);
    const c = mapping(list(mapping(mapping(mapping(d.spec).template).spec).containers)[0]);
    const env = new Map<string, string | undefined>();
    for (const from of list(c.envFrom).map(mapping)) {
      const ref = String(mapping(from.configMapRef ?? from.secretRef).name);
      const values = from.configMapRef ? data('ConfigMap', ref, 'data', name) : data('Secret', ref, 'stringData', name);
      for (const [k, v] of Object.entries(values)) env.set(k, v as string);
    }
    for (const e of list(c.env).map(mapping)) {
      const secret = mapping(mapping(e.valueFrom).secretKeyRef);
      const value = secret.name ? data('Secret', String(secret.name), 'stringData', name)[String(secret.key)] : e.value;
      env.set(String(e.name), typeof value === 'string' ? value : undefined);
    }
    const ports = new Map(list(c.ports).map(mapping).map((p) => [String(p.name), String(p.containerPort)] as [string, string]));
    const portOf = (p: Yaml | undefined) => (typeof p === 'string' ? (ports.get(p) ?? p) : undefined);
    result.set(name, {
      command: list(c.command).map(String),
      env,
      ports,
      probe: (kind) => {
        const get = mapping(mapping(c[kind]).httpGet);
        return { path: get.path as string | undefined, port: portOf(get.port) };
      },
    });
  }
  return result;
}

/**
 * Every way deploy/k8s disagrees with `entries`: each subgraph a directory of its own (Deployment
 * running its built main.js on its port, /health probes, its DB URL from its Secret, a Service),
 * listed in the top-level kustomization; the gateway with /ready and /health probes, an HPA on
 * CPU and every subgraph's URL; every kustomization's resources present.
 */
export function manifestProblems(manifests: Manifests, entries: readonly SubgraphEntry[]): string[] {
  const problems: string[] = [];
  const docs = Object.values(manifests).map((text) => mapping(parseYaml(text)));
  const containers = deployments(docs, problems);
  const service = (name: string) => mapping(docs.find((d) => d.kind === 'Service' && mapping(d.metadata).name === name)?.spec);

  for (const [file, text] of Object.entries(manifests).filter(([f]) => f.endsWith('kustomization.yaml'))) {
    const dir = path.posix.dirname(file);
    for (const r of list(mapping(parseYaml(text)).resources).map(String)) {
      const target = path.posix.join(dir, r);
      if (!(target in manifests) && !(`${target}/kustomization.yaml` in manifests)) problems.push(`deploy/k8s/${file} lists ${r}, which is not there`);
    }
  }
  const top = list(mapping(parseYaml(manifests['kustomization.yaml'] ?? '')).resources).map(String);
  const gateway = containers.get('gateway');
  if (!gateway) problems.push('deploy/k8s has no Deployment gateway');

  for (const { name, folder, port } of entries) {
    const prefix = settingPrefix(name);
    if (!top.includes(name)) problems.push(`deploy/k8s/kustomization.yaml does not list ${name}`);
    if (!(`${name}/kustomization.yaml` in manifests)) problems.push(`deploy/k8s has no ${name}/kustomization.yaml`);
    const c = containers.get(name);
    if (!c) {
      problems.push(`deploy/k8s has no Deployment ${name}`);
      continue;
    }
    if (!c.command.includes(builtMain(folder))) problems.push(`${name}: the Deployment does not run ${builtMain(folder)}`);
    if (![...c.ports.values()].includes(String(port))) problems.push(`${name}: the Deployment does not expose its port ${port}`);
    for (const kind of ['readinessProbe', 'livenessProbe']) {
      const probe = c.probe(kind);
      if (probe.path !== '/health' || probe.port !== String(port)) problems.push(`${name}: no ${kind} on ${port}/health`);
    }
    const dbUrl = c.env.get(`${prefix}_DB_URL`);
    if (!dbUrl || !new RegExp(`^mysql://[^/]+/${name}$`).test(dbUrl)) problems.push(`${name}: ${prefix}_DB_URL is ${JSON.stringify(dbUrl ?? null)}, not a mysql:// URL of database ${name}`);
    const ports = list(service(name).ports).map(mapping);
    if (!ports.some((p) => p.port === String(port) && (c.ports.get(String(p.targetPort)) ?? p.targetPort) === String(port))) problems.push(`${name}: no Service ${name} on port ${port}`);
    const url = gateway?.env.get(`${prefix}_URL`);
    if (gateway && url !== `http://${name}:${port}/graphql`) problems.push(`${name}: the gateway's ${prefix}_URL is ${JSON.stringify(url ?? null)}, not http://${name}:${port}/graphql`);
  }

  if (gateway) {
    if (!gateway.command.includes(builtMain('gateway'))) problems.push(`gateway: the Deployment does not run ${builtMain('gateway')}`);
    for (const [kind, path] of [['readinessProbe', '/ready'], ['livenessProbe', '/health']]) {
      if (gateway.probe(kind).path !== path || !gateway.probe(kind).port) problems.push(`gateway: no ${kind} on ${path}`);
    }
  }
  const hpa = docs.find((d) => d.kind === 'HorizontalPodAutoscaler' && mapping(mapping(d.spec).scaleTargetRef).name === 'gateway');
  if (!list(mapping(hpa?.spec).metrics).some((m) => mapping(mapping(m).resource).name === 'cpu')) problems.push('gateway: no HorizontalPodAutoscaler on CPU');

  const names = new Set(entries.map((e) => e.name));
  for (const dir of new Set(Object.keys(manifests).filter((f) => f.includes('/')).map((f) => f.split('/')[0]))) {
    if (!names.has(dir) && dir !== 'gateway' && dir !== 'common') problems.push(`deploy/k8s/${dir} is no subgraph subgraphs/registry.ts has`);
  }
  return problems;
}

/** What a compose service or a container runs, and the variables it is given. */
export interface Launch {
  where: string;
  command: string[];
  env: Record<string, string | undefined>;
}

/** docker-compose.yml's services that run the project's image, with their merged environment. */
export function composeLaunches(composeYaml: string): Launch[] {
  const services = mapping(mapping(parseYaml(composeYaml)).services);
  return Object.entries(services)
    .map(([name, s]) => ({ name, s: mapping(s) }))
    .filter(({ s }) => s.build !== undefined)
    .map(({ name, s }) => ({
      where: `docker-compose.yml ${name}`,
      command: list(s.command).map(String),
      env: mapping(s.environment) as Record<string, string | undefined>,
    }));
}

/** The Deployments' containers in deploy/k8s, with every variable they get. */
export function manifestLaunches(manifests: Manifests): Launch[] {
  const docs = Object.values(manifests).map((text) => mapping(parseYaml(text)));
  return [...deployments(docs, [])].map(([name, c]) => ({ where: `deploy/k8s Deployment ${name}`, command: c.command, env: Object.fromEntries(c.env) }));
}

/**
 * Every launch that runs something npm run build does not make, sets a variable its process
 * does not read, or one whose value the process refuses at start-up.
 */
export function settingProblems(launches: Launch[], processes: ReadonlyMap<string, { names: ReadonlySet<string>; parse(env: NodeJS.ProcessEnv): void }>): string[] {
  const problems: string[] = [];
  for (const { where, command, env } of launches) {
    const main = command.find((part) => processes.has(part));
    const process = main && processes.get(main);
    if (!process) {
      problems.push(`${where}: runs ${JSON.stringify(command)}, none of the processes the build makes`);
      continue;
    }
    for (const name of Object.keys(env)) if (!process.names.has(name)) problems.push(`${where}: sets ${name}, which ${main} does not read`);
    try {
      process.parse(env);
    } catch (e) {
      problems.push(`${where}: ${main} refuses its environment: ${(e as Error).message}`);
    }
  }
  return problems;
}

/** A Dockerfile's COPY sources (not those from another stage) that `exists` does not find, its HEALTHCHECK and USER. */
export function dockerfileProblems(dockerfile: string, exists: (file: string) => boolean): string[] {
  const problems: string[] = [];
  const lines = dockerfile.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim());
  for (const line of lines.filter((l) => /^COPY\s/i.test(l))) {
    const args = line.split(/\s+/).slice(1);
    if (args.some((a) => a.startsWith('--from='))) continue;
    const paths = args.filter((a) => !a.startsWith('--'));
    for (const source of paths.slice(0, -1)) if (!exists(source)) problems.push(`Dockerfile copies ${source}, which is not there`);
  }
  const final = lines.slice(lines.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true));
  if (!final.some((l) => /^HEALTHCHECK\s.*\S/i.test(l))) problems.push('Dockerfile: the image has no HEALTHCHECK');
  const user = final.filter((l) => /^USER\s/i.test(l)).pop()?.split(/\s+/)[1];
  if (!user || user === 'root' || user === '0') problems.push('Dockerfile: the image runs as root');
  return problems;
}
