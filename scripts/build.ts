// npm run build: every package compiled to JavaScript under dist/, in the repository's own layout,
// so that production runs plain node (`node dist/gateway/src/main.js`,
// `node dist/subgraphs/people/src/main.js`) and finds what it reads beside its code as it does in
// the source tree: kit's repoRoot is three folders above kit's code, so dist/ is the root of the
// built tree, holding each subgraph's schema.graphql and schema/supergraph.graphql, and
// dist/node_modules/@cadres/* link to the built packages as npm's workspace links do to the
// sources. Third-party packages resolve from the repository's node_modules, one folder up.
//
//   npm run build                  # into dist/
//   tsx scripts/build.ts --out DIR # elsewhere inside the repository (test/deployment.test.ts)
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { registry } from '../subgraphs/registry';

const root = path.resolve(__dirname, '..');

interface PackageJson {
  name: string;
  main: string;
  workspaces?: string[];
}

/**
 * tsc -p tsconfig.build.json --outDir `dist`, type errors included, over the registered
 * subgraphs only: a folder under subgraphs/ that is no registered subgraph (the fifth-subgraph
 * test's throw-away copy) is left out.
 */
function compile(dist: string): void {
  const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  const fail = (diagnostics: readonly ts.Diagnostic[]) => {
    if (diagnostics.length) throw new Error(`npm run build: the code does not compile\n${ts.formatDiagnostics(diagnostics, host)}`);
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.build.json'), { outDir: dist }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) })!;
  const folders = new Set(['subgraphs/kit', ...registry.map((e) => e.folder)]);
  const rootNames = parsed.fileNames.filter((file) => {
    const folder = /^(subgraphs\/[^/]+)\//.exec(path.relative(root, file))?.[1];
    return !folder || folders.has(folder);
  });
  const program = ts.createProgram({ rootNames, options: parsed.options });
  fail(ts.getPreEmitDiagnostics(program));
  fail(program.emit().diagnostics);
}

/** Builds into `out` (absolute, or relative to the repository root) and returns its absolute path. */
export function build(out = 'dist'): string {
  const dist = path.resolve(root, out);
  if (path.relative(root, dist).startsWith('..')) throw new Error(`${dist} is outside the repository: the built code would not find node_modules`);
  rmSync(dist, { recursive: true, force: true });
  compile(dist);

  const copy = (file: string) => {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(dist, file));
  };
  for (const { folder } of registry) copy(`${folder}/schema.graphql`);
  copy('schema/supergraph.graphql');

  const { workspaces = [] } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
  for (const folder of workspaces) {
    const pkg = JSON.parse(readFileSync(path.join(root, folder, 'package.json'), 'utf8')) as PackageJson;
    const main = pkg.main.replace(/\.ts$/, '.js');
    writeFileSync(path.join(dist, folder, 'package.json'), `${JSON.stringify({ ...pkg, main }, null, 2)}\n`);
    const link = path.join(dist, 'node_modules', pkg.name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.relative(path.dirname(link), path.join(dist, folder)), link, 'dir');
  }
  return dist;
}

if (require.main === module) {
  const i = process.argv.indexOf('--out');
  const dist = build(i > 0 ? process.argv[i + 1] : undefined);
  console.log(`Built into ${path.relative(root, dist) || '.'}: node ${path.relative(root, path.join(dist, 'gateway/src/main.js'))}, node ${path.relative(root, path.join(dist, 'subgraphs/<name>/src/main.js'))}`);
}
