import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, ensureDevKeys, subgraphEntries } from '@cadres/kit';
import { testToken, testTrust } from '@cadres/kit/src/testing';
import { supergraphPath } from './compose';
import { createGateway } from './server';

describe('the gateway on its own', () => {
  const log = createLogger('gateway', 'silent');

  it('is not ready while a subgraph does not answer', async () => {
    const dead = 'http://127.0.0.1:9/graphql';
    const gateway = await createGateway({
      supergraphPath,
      subgraphUrls: { places: dead, people: dead, enterprises: dead, issues: dead },
      trust: await testTrust('gateway'),
      log,
    });
    const { url } = await gateway.listen(0);
    try {
      const res = await fetch(url.replace('/graphql', '/ready'));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ready: false, degraded: true, subgraphs: Object.fromEntries(subgraphEntries().map((e) => [e.name, false])) });
    } finally {
      await gateway.stop();
    }
  });

  it('forwards the caller\'s token and a generated x-request-id to the subgraphs', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const fake = http.createServer((req, res) => {
      seen.push(req.headers);
      req.resume().on('end', () => res.setHeader('content-type', 'application/json').end(JSON.stringify({ data: { division: null } })));
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    const places = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/graphql`;
    const gateway = await createGateway({ supergraphPath, subgraphUrls: { places }, trust: await testTrust('gateway'), log });
    const { url } = await gateway.listen(0);
    const token = await testToken({ sub: 't', role: 'ANALYST', scope: '370502000000' });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ division(code: "370502000000") { code } }' }),
        });
        expect(await res.json()).toEqual({ data: { division: null } });
      }
      expect(seen.map((h) => h.authorization)).toEqual([`Bearer ${token}`, `Bearer ${token}`]);
      const ids = seen.map((h) => h['x-request-id']);
      expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(ids[1]).not.toBe(ids[0]);
      // The keep-alive pool reuses one socket for both requests.
      expect(seen.map((h) => h.connection)).toEqual(['keep-alive', 'keep-alive']);
    } finally {
      await gateway.stop();
      fake.close();
    }
  });

  it("passes a subgraph's refusal on with its code; a subgraph that refuses the gateway itself is unavailable", async () => {
    const answers: Record<string, { status: number; body: unknown }> = {
      deep: { status: 400, body: { errors: [{ message: 'The query is 14 fields deep; at most 13 are allowed', extensions: { code: 'QUERY_TOO_DEEP', limit: 13 } }] } },
      keys: { status: 401, body: { errors: [{ message: 'The places subgraph answers only the gateway', extensions: { code: 'UNAUTHENTICATED' } }] } },
    };
    let next = 'deep';
    const fake = http.createServer((req, res) => {
      req.resume().on('end', () => {
        res.statusCode = answers[next].status;
        res.setHeader('content-type', 'application/json').end(JSON.stringify(answers[next].body));
      });
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    const places = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/graphql`;
    const gateway = await createGateway({ supergraphPath, subgraphUrls: { places }, trust: await testTrust('gateway'), log });
    const { url } = await gateway.listen(0);
    const authorization = `Bearer ${await testToken({ sub: 't', role: 'ADMIN', scope: null })}`;
    const ask = async () => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: '{ division(code: "370502000000") { code } }' }) });
      const body = (await res.json()) as { data: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
      return { status: res.status, data: body.data, errors: body.errors.map((e) => ({ message: e.message, code: e.extensions.code, subgraph: e.extensions.subgraph ?? e.extensions.serviceName })) };
    };
    try {
      expect(await ask()).toEqual({ status: 200, data: { division: null }, errors: [{ message: 'The query is 14 fields deep; at most 13 are allowed', code: 'QUERY_TOO_DEEP', subgraph: undefined }] });
      next = 'keys';
      expect(await ask()).toEqual({
        status: 200,
        data: { division: null },
        errors: [{ message: 'The places subgraph refused the gateway (HTTP 401); try again later', code: 'SERVICE_UNAVAILABLE', subgraph: 'places' }],
      });
    } finally {
      await gateway.stop();
      fake.close();
    }
  });

  it('reloads the supergraph when the file changes', async () => {
    const full = readFileSync(supergraphPath, 'utf8');
    const line = full.split('\n').find((l) => l.trimStart().startsWith('buildingUnit(id: ID!)'))!;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'supergraph-')), 'supergraph.graphql');
    writeFileSync(file, full.replace(`${line}\n`, ''));
    const gateway = await createGateway({ supergraphPath: file, trust: await testTrust('gateway'), log });
    const { url } = await gateway.listen(0);
    const token = await testToken({ sub: 't', role: 'ADMIN', scope: null });
    const queryFields = async () => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __type(name: "Query") { fields { name } } }' }),
      });
      return (((await res.json()) as any).data.__type.fields as { name: string }[]).map((f) => f.name);
    };
    try {
      expect(await queryFields()).not.toContain('buildingUnit');
      writeFileSync(file, full);
      let fields: string[] = [];
      for (let i = 0; i < 50 && !fields.includes('buildingUnit'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        fields = await queryFields();
      }
      expect(fields).toContain('buildingUnit');
    } finally {
      await gateway.stop();
    }
  });
});


describe('the gateway process', () => {
  it('starts from main.ts and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-'));
    await ensureDevKeys(dataDir, ['gateway']);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'main.ts')], {
      env: { ...process.env, GATEWAY_PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 20_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk;
        if (output.includes('gateway listening')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"signal":"SIGTERM"');
  }, 30_000);
});

describe('a subgraph that does not answer', () => {
  it('gives SERVICE_UNAVAILABLE naming the subgraph, not its address', async () => {
    const silent = http.createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const places = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    const gateway = await createGateway({ supergraphPath, subgraphUrls: { places }, trust: await testTrust('gateway'), log: createLogger('gateway', 'silent'), subgraphTimeoutMs: 300 });
    const { url } = await gateway.listen(0);
    const token = await testToken({ sub: 't', role: 'ADMIN', scope: null });
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ division(code: "370502000000") { name } }' }),
      });
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors.map((e) => [e.extensions.code, e.message])).toEqual([['SERVICE_UNAVAILABLE', 'The places subgraph did not answer within 300 ms; try again later']]);
      expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    } finally {
      await gateway.stop();
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('CORS for dashboards served from elsewhere', () => {
  it('answers a preflight and tags responses for allowed origins only', async () => {
    const gateway = await createGateway({ supergraphPath, trust: await testTrust('gateway'), log: createLogger('gateway', 'silent'), corsOrigins: ['http://dash.local'] });
    const { url } = await gateway.listen(0);
    try {
      const preflight = await fetch(url, {
        method: 'OPTIONS',
        headers: { origin: 'http://dash.local', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      expect([preflight.status, preflight.headers.get('access-control-allow-origin'), preflight.headers.get('access-control-allow-headers')]).toEqual([
        204,
        'http://dash.local',
        'authorization, content-type, x-request-id, apollo-require-preflight',
      ]);
      const other = await fetch(url, { method: 'POST', headers: { origin: 'http://evil.local', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect([other.status, other.headers.get('access-control-allow-origin')]).toEqual([401, null]);
    } finally {
      await gateway.stop();
    }
  });
});
