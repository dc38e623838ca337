// What docker-compose.yml and scripts/mysql-init.sql must say about each registered subgraph.
// test/registry.test.ts checks the committed files; the fifth-subgraph test checks what
// `npm run new-subgraph` makes of them.
import { settingPrefix, type SubgraphEntry } from '@cadres/kit';
import { parseYaml, type Yaml } from './yaml';

type Mapping = { [key: string]: Yaml };
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
    if (!list(s.command).includes(`${folder}/src/main.ts`)) problems.push(`${name}: command does not run ${folder}/src/main.ts`);
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
