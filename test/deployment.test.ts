// The production build and the files that deploy it. The build is run (into a folder of its own,
// so that it does not race `npm run build`), and a built subgraph and the built gateway are
// started with plain node, as their containers run them. Docker and Kubernetes do not run here,
// so docker-compose.yml, the Dockerfile and deploy/k8s are checked on their text against the
// registry and against what the processes read (test/support/settings.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { devTokenSigner, repoRoot, subgraphEntries, subgraphEntry } from '@cadres/kit';
import { build } from '../scripts/build';
import { readManifests } from '../scripts/new-subgraph';
import {
  builtMain,
  composeLaunches,
  dockerfileProblems,
  manifestLaunches,
  manifestProblems,
  settingProblems,
  type Manifests,
} from './support/deployment';
import { processes } from './support/settings';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

describe('npm run build', () => {
  const tmp = path.join(repoRoot, '.test-data');
  let out: string;
  let dataDir: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    out = build(path.join(tmp, `build-${process.pid}`));
    dataDir = mkdtempSync(path.join(tmp, 'built-'));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(children.map((c) => new Promise((done) => (c.exitCode !== null ? done(null) : (c.once('exit', done), c.kill('SIGTERM'))))));
    rmSync(out, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs a built main.js with plain node (no tsx, no loader) and resolves with the URL it listens on. */
  function startBuilt(main: string, env: Record<string, string>): Promise<string> {
    const child = spawn(process.execPath, [path.join(out, path.relative('dist', main))], {
      cwd: dataDir,
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`${main} exited with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const url = (JSON.parse(line) as { url?: string }).url;
        if (url) resolve(url);
      });
    });
  }

  it('compiles every process a container runs, and a built subgraph and gateway answer under plain node', async () => {
    const commands = [...composeLaunches(read('docker-compose.yml')), ...manifestLaunches(readManifests())].flatMap((l) => l.command);
    for (const main of new Set(commands.filter((c) => c.startsWith('dist/')))) expect([main, existsSync(path.join(out, path.relative('dist', main)))]).toEqual([main, true]);

    const sign = await devTokenSigner(dataDir);
    const places = subgraphEntry('places');
    const placesUrl = await startBuilt(builtMain(places.folder), { PLACES_PORT: '0', DEMO_DATA: 'true' });
    const health = await fetch(placesUrl.replace('/graphql', '/health'));
    expect(health.status).toBe(200);

    const gatewayUrl = await startBuilt(builtMain('gateway'), { GATEWAY_PORT: '0', PLACES_URL: placesUrl });
    const token = await sign({ sub: 'deployment-test', role: 'ANALYST', scope: null }, '5m');
    const answer = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ division(code: "370502000000") { name level } }' }),
    });
    expect(await answer.json()).toEqual({ data: { division: { name: '东营区', level: 'DISTRICT' } } });
  }, 30_000);
});

describe('the deployment files', () => {
  const compose = read('docker-compose.yml');
  const manifests = readManifests();
  const launches = () => [...composeLaunches(compose), ...manifestLaunches(manifests)];

  it('deploy every registered subgraph and the gateway on Kubernetes, each department from its own directory', () => {
    expect(manifestProblems(manifests, subgraphEntries())).toEqual([]);
  });

  it('set only variables the processes read, with values they accept', () => {
    expect(settingProblems(launches(), processes())).toEqual([]);
  });

  it('build an image from paths that exist, with a health check, as a user other than root', () => {
    expect(dockerfileProblems(read('Dockerfile'), (file) => existsSync(path.join(repoRoot, file)))).toEqual([]);
  });

  it('are checked for real: a line taken out or put in is found out', () => {
    const absent = { name: 'absent', folder: 'subgraphs/absent', port: 4999, owns: {} };
    expect(manifestProblems(manifests, [...subgraphEntries(), absent])).toEqual([
      'deploy/k8s/kustomization.yaml does not list absent',
      'deploy/k8s has no absent/kustomization.yaml',
      'deploy/k8s has no Deployment absent',
    ]);

    const edited: Manifests = {
      ...manifests,
      'people/deployment.yaml': manifests['people/deployment.yaml'].replace(/^ *readinessProbe: .*\n/m, ''),
      'issues/service.yaml': manifests['issues/service.yaml'].replace('port: 4004', 'port: 4014'),
      'common/settings.yaml': manifests['common/settings.yaml'].replace(/^ *PLACES_URL: .*\n/m, ''),
      'gateway/kustomization.yaml': manifests['gateway/kustomization.yaml'].replace('hpa.yaml', 'autoscaler.yaml'),
    };
    delete edited['enterprises/secret.yaml'];
    expect(manifestProblems(edited, subgraphEntries())).toEqual([
      'enterprises: no Secret enterprises in deploy/k8s',
      'deploy/k8s/enterprises/kustomization.yaml lists secret.yaml, which is not there',
      'deploy/k8s/gateway/kustomization.yaml lists autoscaler.yaml, which is not there',
      'places: the gateway\'s PLACES_URL is null, not http://places:4001/graphql',
      'people: no readinessProbe on 4002/health',
      'enterprises: ENTERPRISES_DB_URL is null, not a mysql:// URL of database enterprises',
      'issues: no Service issues on port 4004',
    ]);

    const misconfigured = compose
      .replace('PLACES_DB_URL: "mysql://root:cadres@mysql:3306/places"', 'PLACES_DB_URL: "mysql://root:cadres@mysql:3306/places", PEOPLE_VISIT_QUOTA: "6"')
      .replace('LOG_LEVEL: info', 'LOG_LEVEL: loud');
    const problems = settingProblems(composeLaunches(misconfigured), processes());
    expect(problems).toContain('docker-compose.yml places: sets PEOPLE_VISIT_QUOTA, which dist/subgraphs/places/src/main.js does not read');
    expect(problems.filter((p) => p.includes('LOG_LEVEL')).length).toBe(subgraphEntries().length + 1);
    const unbuilt = settingProblems([{ where: 'here', command: ['node', 'dist/gateway/src/server.js'], env: {} }], processes());
    expect(unbuilt).toEqual(['here: runs ["node","dist/gateway/src/server.js"], none of the processes the build makes']);

    const dockerfile = read('Dockerfile').replace('COPY deploy/healthcheck.js', 'COPY deploy/health.js').replace(/^HEALTHCHECK .*$/m, '').replace(/^USER node$/m, '');
    expect(dockerfileProblems(dockerfile, (file) => existsSync(path.join(repoRoot, file)))).toEqual([
      'Dockerfile copies deploy/health.js, which is not there',
      'Dockerfile: the image has no HEALTHCHECK',
      'Dockerfile: the image runs as root',
    ]);
  });
});
