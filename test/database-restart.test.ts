// A subgraph whose MariaDB is killed under load and comes back: callers get SERVICE_UNAVAILABLE
// (never INTERNAL_SERVER_ERROR) while it is away, /health says so, the subgraph resumes on its
// own, and clients that retry with their idempotencyKey end with every write exactly once.
import os from 'node:os';
import path from 'node:path';
import { createLogger, createSubgraph, type Subgraph } from '@cadres/kit';
import { startFakeOwners, subgraphRequestHeaders, testTrust } from '@cadres/kit/src/testing';
import { entities as issuesEntities, subgraph as issuesSubgraph } from '@cadres/issues';
import { privateMariadbMissing, startPrivateMariadb, type PrivateMariadb } from './support/mariadb-server';

const WRITES = 200;
const CLIENTS = 8;
const missing = privateMariadbMissing();

describe('a subgraph whose MariaDB is killed under load and restarted', () => {
  if (missing) {
    it.skip(`(skipped: ${missing})`, () => undefined);
    return;
  }
  let mariadb: PrivateMariadb;
  let subgraph: Subgraph;
  let owners: Awaited<ReturnType<typeof startFakeOwners>>;
  let url: string;
  const hotline = { sub: 'hotline', role: 'ADMIN', scope: null } as const;

  beforeAll(async () => {
    mariadb = await startPrivateMariadb();
    const mysql = await import('mysql2/promise');
    const admin = await mysql.createConnection(mariadb.url);
    await admin.query('CREATE DATABASE issues CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await admin.end();
    owners = await startFakeOwners();
    subgraph = await createSubgraph(issuesSubgraph, {
      dbUrl: `${mariadb.url}/issues`,
      dataDir: path.join(os.tmpdir(), 'cadres-test'),
      trust: await testTrust('issues'),
      log: createLogger('issues', 'silent'),
      peers: owners.peers,
    });
    url = (await subgraph.listen(0)).url;
  }, 60_000);
  afterAll(async () => {
    await subgraph?.stop().catch(() => undefined);
    await owners?.close();
    await mariadb?.destroy();
  });

  const report = async (key: string) => {
    const body = JSON.stringify({
      query: 'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }',
      variables: {
        input: {
          title: `路灯不亮 ${key}`, description: '重启测试', category: 'INFRASTRUCTURE', kind: 'HELP', source: 'HOTLINE', urgency: 'GENERAL',
          divisionCode: '370502001201', subjectType: 'Division', subjectId: '370502001201', idempotencyKey: key,
        },
      },
    });
    // Sent as the gateway would: the subgraph answers nothing else.
    const headers = await subgraphRequestHeaders(hotline, 'issues', body);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return (await res.json()) as { data?: { reportIssue: { id: string } } | null; errors?: { message: string; extensions: { code: string } }[] };
  };
  // Set when the test ends, so that no client outlives it.
  let stopped = false;
  afterEach(() => {
    stopped = true;
  });
  const health = async () => {
    const res = await fetch(new URL('/health', url));
    return { status: res.status, body: await res.json() };
  };

  it('answers SERVICE_UNAVAILABLE while the database is away, resumes on its own, and loses or doubles no write', async () => {
    const acknowledged = new Map<string, string>();
    const codes = new Map<string, number>();
    let next = 0;
    let killAt: () => void;
    const halfway = new Promise<void>((r) => (killAt = r));
    const deadline = Date.now() + 90_000;

    // Each client sends its writes one after another and retries a failed one with the same key.
    const client = async () => {
      while (next < WRITES && !stopped) {
        const key = `restart-${String(next++).padStart(4, '0')}`;
        for (;;) {
          if (Date.now() > deadline || stopped) throw new Error(`${key} was never acknowledged`);
          const body = await report(key).catch((e: Error) => ({ errors: [{ message: e.message, extensions: { code: 'NO_ANSWER' } }], data: undefined }));
          if (body.data?.reportIssue) {
            acknowledged.set(key, body.data.reportIssue.id);
            if (acknowledged.size >= WRITES / 4) killAt!();
            break;
          }
          for (const e of body.errors ?? []) codes.set(e.extensions.code, (codes.get(e.extensions.code) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const clients = Promise.all(Array.from({ length: CLIENTS }, client));

    await halfway;
    await mariadb.kill();
    const away = await report('while-away');
    expect(away).toEqual({
      data: null,
      errors: [{ message: 'The issues database is not answering; try again later', locations: [{ line: 1, column: 39 }], path: ['reportIssue'], extensions: { code: 'SERVICE_UNAVAILABLE', subgraph: 'issues' } }],
    });
    expect(await health()).toEqual({ status: 503, body: { status: 'database unavailable', subgraph: 'issues' } });
    await new Promise((r) => setTimeout(r, 1000));
    await mariadb.start();

    await clients;
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', subgraph: 'issues' } });
    // Every error a client saw was the retryable one.
    expect([...codes.keys()]).toEqual(['SERVICE_UNAVAILABLE']);
    const rows = await subgraph.ds.getRepository(issuesEntities.Issue).find({ select: { id: true, title: true } });
    const stored = rows.filter((r) => r.title.includes('restart-'));
    expect(stored.length).toBe(WRITES);
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(acknowledged.values()));
    expect(acknowledged.size).toBe(WRITES);
  }, 120_000);
});
