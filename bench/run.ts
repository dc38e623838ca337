// npm run bench: measures the federation in-process on SQLite, and reports ratios measured in
// one run (absolute numbers depend on the machine; ratios travel). Not part of npm test.
//   BENCH_SCALE=2 npm run bench
import { statementCount } from '@cadres/kit';
import { testDatabases } from '@cadres/kit/src/testing';
import { startSupergraph } from '../test/support/supergraph';

const scale = Number(process.env.BENCH_SCALE ?? 2);
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);

const dashboard = (n: number) => `{
  divisions(level: VILLAGE, first: ${n}) {
    totalCount
    nodes { code name parent { name } liaisons { role cadre { name department { name } } }
            enterprises(first: 5) { totalCount } issueStats { total open } }
  }
}`;
const placesOnly = (n: number) => `{ divisions(level: VILLAGE, first: ${n}) { nodes { code name parent { name } ancestors { code } } } }`;

async function timeIt(run: () => Promise<unknown>, n = rounds) {
  for (let i = 0; i < 3; i++) await run(); // warm the plan cache and the loaders' code paths
  const times: number[] = [];
  const sql0 = statementCount();
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n / 2)], p95: times[Math.floor(n * 0.95)], sqlPerRequest: (statementCount() - sql0) / n };
}

async function throughput(run: () => Promise<unknown>, clients: number, seconds: number) {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        await run();
        done++;
      }
    }),
  );
  return done / seconds;
}

async function main() {
  const fed = await startSupergraph(testDatabases()[0], { scale });
  const villages = fed.world.divisions.filter((d) => d.level === 'VILLAGE').length;
  const big = Math.min(500, villages);
  const ok = async (q: string) => {
    const { body } = await fed.request(q);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const direct = async (q: string) => {
    const res = await fetch(fed.subgraphs.places.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token}` },
      body: JSON.stringify({ query: q }),
    });
    await res.json();
  };
  const token = fed.token();
  try {
    const small = await timeIt(() => ok(dashboard(10)));
    const large = await timeIt(() => ok(dashboard(big)));
    const viaGateway = await timeIt(() => ok(placesOnly(50)));
    const viaSubgraph = await timeIt(() => direct(placesOnly(50)));
    const rps = await throughput(() => ok(dashboard(10)), 8, 5);
    const f = (x: number) => x.toFixed(1);
    console.log(`scale ${scale}: ${villages} villages, ${fed.world.cadres.length} cadres, ${fed.world.enterprises.length} enterprises`);
    console.log('| measure | value |');
    console.log('|---|---|');
    console.log(`| dashboard, 10 villages: p50 / p95 ms | ${f(small.p50)} / ${f(small.p95)} |`);
    console.log(`| dashboard, ${big} villages: p50 / p95 ms | ${f(large.p50)} / ${f(large.p95)} |`);
    console.log(`| SQL statements per request (10 → ${big}) | ${small.sqlPerRequest} → ${large.sqlPerRequest} |`);
    console.log(`| time ratio ${big} / 10 villages (list is ${big / 10}x longer) | ${(large.p50 / small.p50).toFixed(2)} |`);
    console.log(`| gateway overhead: places query via gateway / direct (p50) | ${(viaGateway.p50 / viaSubgraph.p50).toFixed(2)} |`);
    console.log(`| dashboard (10) throughput, 8 clients, requests/s | ${f(rps)} |`);
  } finally {
    await fed.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
