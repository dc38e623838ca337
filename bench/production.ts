// How npm run bench runs the stack as production does, so that its memory figures are
// production's: the code npm run build compiles, run by plain node (tsx, loaded at run time,
// costs each process some 50 MB at rest and the gateway 100 MB under load), each process with
// the V8 heap its container in deploy/k8s gives it and the image's NODE_OPTIONS (Dockerfile).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { build } from '../scripts/build';
import { root } from '../scripts/stack';
import { parseYaml, type Yaml } from '../test/support/yaml';

/**
 * npm run build into a fresh folder under the root (built code finds node_modules from there),
 * plus Hive Gateway's process (bench/hive-gateway.ts and the test helper it starts), so that both
 * gateways run plain node. The caller removes the folder.
 */
export function buildForBench(): string {
  const dir = build(path.relative(root, mkdtempSync(path.join(root, '.bench-build-'))));
  const options = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!.options;
  for (const file of ['bench/hive-gateway.ts', 'test/support/hive-gateway.ts']) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(root, file), 'utf8'), { compilerOptions: options, fileName: file });
    const out = path.join(dir, file.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  return dir;
}

const units: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 };

/** limits.memory of the Deployment's container in deploy/k8s/<name>/deployment.yaml, in bytes. */
export function containerMemoryLimit(name: string): number {
  const file = path.join(root, 'deploy/k8s', name, 'deployment.yaml');
  const at = (y: Yaml | undefined, key: string): Yaml | undefined => (y && typeof y === 'object' && !Array.isArray(y) ? y[key] : undefined);
  const containers = at(at(at(at(parseYaml(readFileSync(file, 'utf8')), 'spec'), 'template'), 'spec'), 'containers');
  const limit = at(at(at(Array.isArray(containers) ? containers[0] : undefined, 'resources'), 'limits'), 'memory');
  const m = typeof limit === 'string' ? /^(\d+)(Ki|Mi|Gi)$/.exec(limit) : null;
  if (!m) throw new Error(`${path.relative(root, file)}: expected resources.limits.memory such as 768Mi, got ${String(limit)}`);
  return Number(m[1]) * units[m[2]];
}

/**
 * The V8 heap Node 20 gives itself in a container of `bytes` (it sizes the heap from the cgroup's
 * limit, not the machine's memory; on a 23 GB machine it takes 4 GB and lets some 130 MB of
 * garbage pile up before its first full collection): old space half the memory (256 MB to
 * 4 GB), semi-space old / 128 (old / 256 up to 256 MB) rounded up to a power of two, 1 to 16 MB.
 * Measured as heap_size_limit under a memory cgroup of 256 MB to 4 GB.
 */
export function containerHeapArgs(bytes: number): string[] {
  const mb = 2 ** 20;
  const oldSpace = Math.min(4096, Math.max(256, Math.floor(bytes / mb / 2)));
  const semi = Math.min(16, Math.max(1, 2 ** Math.ceil(Math.log2(oldSpace / (oldSpace <= 256 ? 256 : 128)))));
  return [`--max-old-space-size=${oldSpace}`, `--max-semi-space-size=${semi}`];
}

/** NODE_OPTIONS of the Dockerfile's final stage (what every process of the image runs with), split. */
export function imageNodeOptions(dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8')): string[] {
  const stages = dockerfile.replace(/\\\n/g, ' ').split(/^FROM\s/im);
  const envLines = stages[stages.length - 1].split('\n').filter((l) => /^\s*ENV\s/i.test(l));
  let value: string | undefined;
  for (const line of envLines) {
    const m = /\bNODE_OPTIONS=("([^"]*)"|'([^']*)'|(\S*))/.exec(line);
    if (m) value = m[2] ?? m[3] ?? m[4];
  }
  return value ? value.split(/\s+/).filter(Boolean) : [];
}

/**
 * Node's options for the process of Deployment `name` as production runs it: the image's
 * NODE_OPTIONS, and the heap sizes Node derives from its container for those they do not set.
 */
export function productionNodeArgs(name: string): string[] {
  const image = imageNodeOptions();
  const flag = (arg: string) => arg.split('=')[0];
  return [...containerHeapArgs(containerMemoryLimit(name)).filter((a) => !image.some((i) => flag(i) === flag(a))), ...image];
}
