// The pure parts of npm run bench (bench/report.ts, bench/production.ts); the bench itself is not part of npm test.
import { checkTargets, combine, firstDifference, histogramTotals, peakRss, percentile, residentRss, replaceSection, resultsTable, valueAt, type Measured, type ResultRow } from '../bench/report';
import { containerHeapArgs, containerMemoryLimit, imageNodeOptions, productionNodeArgs } from '../bench/production';
import { registry } from '../subgraphs/registry';

const m = (requestsPerSecond: number, p95 = 100, extra: Partial<Measured> = {}): Measured => ({
  requestsPerSecond,
  p50: p95 / 2,
  p95,
  p99: p95 * 1.5,
  sqlPerRequest: 7,
  subgraphRequestsPerRequest: 3,
  failed: 0,
  ...extra,
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(xs, 0.5), percentile(xs, 0.95), percentile(xs, 0.99), percentile(xs, 1)]).toEqual([50, 95, 99, 100]);
    expect(percentile([3, 8], 0.5)).toBe(3);
    expect(percentile([3, 8], 0.95)).toBe(8);
    expect(percentile([42], 0.01)).toBe(42);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('firstDifference', () => {
  const answer = { data: { division: { code: '3705', issues: { totalCount: 2, nodes: [{ id: 'a', assignee: { name: 'x' } }, { id: 'b', assignee: null }] } } } };

  it('finds none between equal answers, whatever the key order', () => {
    const reordered = { data: { division: { issues: { nodes: [{ assignee: { name: 'x' }, id: 'a' }, { id: 'b', assignee: null }], totalCount: 2 }, code: '3705' } } };
    expect(firstDifference(answer, reordered)).toBeUndefined();
  });

  it('names the path of the first difference', () => {
    const other = structuredClone(answer) as any;
    other.data.division.issues.nodes[0].assignee.name = 'y';
    expect(firstDifference(answer, other)).toBe('data.division.issues.nodes.0.assignee.name');
    expect(valueAt(other, 'data.division.issues.nodes.0.assignee')).toBe('{"name":"y"}');
  });

  it('holds lists to their order and length, and null apart from an object', () => {
    const swapped = structuredClone(answer);
    swapped.data.division.issues.nodes.reverse();
    expect(firstDifference(answer, swapped)).toBe('data.division.issues.nodes.0.id');
    const shorter = structuredClone(answer);
    shorter.data.division.issues.nodes.pop();
    expect(firstDifference(answer, shorter)).toBe('data.division.issues.nodes.1');
    const nulled = structuredClone(answer) as any;
    nulled.data.division.issues.nodes[0].assignee = null;
    expect(firstDifference(answer, nulled)).toBe('data.division.issues.nodes.0.assignee');
  });

  it('tells a missing key, an error list and a number from its string', () => {
    expect(firstDifference({ data: { a: 1 } }, { data: { a: 1 }, errors: [] })).toBe('errors');
    expect(firstDifference({ data: { a: 1 } }, { data: { a: '1' } })).toBe('data.a');
    expect(firstDifference([1], { 0: 1 })).toBe('(root)');
    expect(valueAt({ data: {} }, 'data.a.b')).toBe('nothing');
  });
});

describe('what the bench reads', () => {
  it("adds up a histogram's sum and count per service", () => {
    const scrape = [
      '# HELP subgraph_request_sql_statements Subgraph: SQL statements one request sent',
      '# TYPE subgraph_request_sql_statements histogram',
      'subgraph_request_sql_statements_bucket{le="1",service="people"} 3',
      'subgraph_request_sql_statements_sum{service="people"} 42',
      'subgraph_request_sql_statements_count{service="people"} 6',
      'subgraph_request_sql_statements_sum{service="places"} 5',
      'subgraph_request_sql_statements_count{service="places"} 5',
      'subgraph_request_sql_seconds_sum{service="places"} 0.3',
    ].join('\n');
    expect([...histogramTotals(scrape, 'subgraph_request_sql_statements')]).toEqual([
      ['people', { sum: 42, count: 6 }],
      ['places', { sum: 5, count: 5 }],
    ]);
    expect(histogramTotals('', 'subgraph_request_sql_statements').size).toBe(0);
  });

  it('reads VmHWM and VmRSS in bytes', () => {
    expect(peakRss('Name:\tnode\nVmPeak:\t 1234 kB\nVmHWM:\t  204800 kB\nVmRSS:\t 100 kB\n')).toBe(200 * 2 ** 20);
    expect(peakRss('Name:\tnode\n')).toBeUndefined();
    expect(residentRss('Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t 102400 kB\n')).toBe(100 * 2 ** 20);
    expect(residentRss('Name:\tnode\n')).toBeUndefined();
  });
});

describe('combine', () => {
  it('adds the slices of a target up: requests/s over their whole time, percentiles over every latency, the subgraphs\' counts per request sent', () => {
    const slice = (answered: number, seconds: number, latencies: number[], failed = 0) => ({
      answered,
      sent: answered + failed,
      seconds,
      latencies,
      sql: (answered + failed) * 7,
      subgraphRequests: (answered + failed) * 2,
      failed,
    });
    const both = combine([slice(30, 2.5, [10, 30, 50]), slice(19, 2.5, [20, 40], 1)]);
    expect(both).toEqual({ requestsPerSecond: 9.8, p50: 30, p95: 50, p99: 50, sqlPerRequest: 7, subgraphRequestsPerRequest: 2, failed: 1 });
    expect(combine([slice(0, 5, [], 4)])).toEqual(expect.objectContaining({ requestsPerSecond: 0, sqlPerRequest: 7, failed: 4 }));
    expect(combine([]).sqlPerRequest).toBe(0);
    expect(combine([slice(0, 5, [], 4)]).p95).toBeNaN();
  });
});

describe('the results', () => {
  const rows: ResultRow[] = [
    { operation: 'city overview', mode: 'the same', ours: m(20, 900), hive: m(10, 1200) },
    { operation: "district's red issues", mode: 'different', ours: m(50, 350), hive: m(100, 200, { failed: 3 }) },
    { operation: 'places only', mode: 'the same', ours: m(300, 40), hive: m(250, 50), direct: { ...m(500, 20), subgraph: 'places' } },
  ];

  it('prints one row per operation and mode, with the ratios', () => {
    const table = resultsTable(rows).split('\n');
    expect(table).toHaveLength(5);
    expect(table[2]).toBe('| city overview | the same | 20.0 | 450 / 900 / 1350 | 10.0 | 600 / 1200 / 1800 | 2.00× | 7 / 7 | 3 / 3 | – | – |');
    expect(table[3]).toContain('| 100 (3 failed) |');
    expect(table[3]).toContain('| 0.50× |');
    expect(table[4]).toContain('| places: 500, 10.0 / 20.0 / 30.0 | 0.60× |');
    // A target that answered nothing has no latencies to show.
    expect(resultsTable([{ ...rows[0], hive: m(0, NaN) }]).split('\n')[2]).toContain('| 0.0 | – / – / – | – |');
    // One Hive Gateway could not answer: ours alone.
    expect(resultsTable([{ ...rows[0], hive: undefined }]).split('\n')[2]).toBe('| city overview | the same | 20.0 | 450 / 900 / 1350 | errors | – | – | 7 / – | 3 / – | – | – |');
  });

  it('checks the targets with the numbers that miss them', () => {
    const targets = checkTargets(rows, { gatewayWorkers: 150 * 2 ** 20, subgraphs: { places: 100 * 2 ** 20, people: 310 * 2 ** 20 } }, 'city overview');
    const byTarget = Object.fromEntries(targets.map((t) => [t.target, t]));
    expect(byTarget['every request answered without errors']).toEqual(expect.objectContaining({ met: false, detail: "district's red issues (different), Hive: 3" }));
    expect(byTarget["ours ≥ Hive Gateway's requests/s on every operation"]).toEqual(expect.objectContaining({ met: false, detail: "district's red issues (different) 0.50×" }));
    expect(byTarget["the gateway keeps ≥ 70% of a single subgraph's direct requests/s"]).toEqual(expect.objectContaining({ met: false, detail: 'places only (the same) 0.60×' }));
    expect(byTarget['p95 under 300 ms on every dashboard operation (ours)']).toEqual(expect.objectContaining({ met: false, detail: "district's red issues (different) 350 ms" }));
    expect(byTarget["the whole city's overview under 1 s (ours, p95)"]).toEqual(expect.objectContaining({ met: true, detail: 'the same: 900 ms' }));
    expect(byTarget['peak RSS of each subgraph under 300 MB']).toEqual(expect.objectContaining({ met: false, detail: 'places 100 MB, people 310 MB' }));
    expect(byTarget['peak RSS of each gateway worker under 400 MB (ours)'].met).toBe(true);
    const alone = checkTargets([{ ...rows[0], hive: undefined }], { gatewayWorkers: 0, subgraphs: {} }, 'city overview');
    expect(alone.find((t) => t.target.startsWith('ours ≥'))).toEqual(expect.objectContaining({ met: false, detail: 'Hive Gateway answered none of the operations' }));
  });
});

describe('replaceSection', () => {
  const doc = '# results\n\nintro\n\n## SQLite\n\nold sqlite\n\n## MariaDB\n\nold mariadb\n';

  it("replaces its own database's section and keeps the other", () => {
    expect(replaceSection(doc, '## SQLite', 'new sqlite')).toBe('# results\n\nintro\n\n## SQLite\n\nnew sqlite\n\n## MariaDB\n\nold mariadb\n');
    expect(replaceSection(doc, '## MariaDB', 'new mariadb\n')).toBe('# results\n\nintro\n\n## SQLite\n\nold sqlite\n\n## MariaDB\n\nnew mariadb\n');
  });

  it('adds a section not there yet at the end', () => {
    expect(replaceSection('# results\n', '## MariaDB', 'figures')).toBe('# results\n\n## MariaDB\n\nfigures\n');
    expect(replaceSection('', '## SQLite', 'figures')).toBe('## SQLite\n\nfigures\n');
  });
});

describe('the heap the bench gives each process', () => {
  it("is the one Node 20 takes in a container of that memory (heap_size_limit measured under a memory cgroup)", () => {
    // heap_size_limit = old space + 3 semi-spaces: 259, 396, 524, 1048 and 2096 MB for 512Mi, 768Mi, 1Gi, 2Gi and 4Gi.
    const limit = (bytes: number) => {
      const [old, semi] = containerHeapArgs(bytes).map((a) => Number(a.split('=')[1]));
      return old + 3 * semi;
    };
    expect([512, 768, 1024, 2048, 4096].map((mb) => limit(mb * 2 ** 20))).toEqual([259, 396, 524, 1048, 2096]);
    expect(containerHeapArgs(2 ** 30)).toEqual(['--max-old-space-size=512', '--max-semi-space-size=4']);
  });

  it("reads each Deployment's memory limit from deploy/k8s", () => {
    expect(containerMemoryLimit('gateway')).toBe(2 ** 30);
    for (const { name } of registry) expect(containerMemoryLimit(name)).toBeGreaterThan(0);
    expect(() => containerMemoryLimit('absent')).toThrow();
  });
});

describe("the image's NODE_OPTIONS", () => {
  it("are read from the Dockerfile's final stage, quoted or not", () => {
    expect(imageNodeOptions('FROM a AS build\nENV NODE_OPTIONS=--x\nFROM b\nENV NODE_ENV=production \\\n  NODE_OPTIONS="--max-semi-space-size=16 --y"\n')).toEqual(['--max-semi-space-size=16', '--y']);
    expect(imageNodeOptions('FROM a\nENV NODE_OPTIONS=--x\nFROM b\nENV NODE_ENV=production\n')).toEqual([]);
  });

  it('override the heap size Node derives from the container, and leave the others', () => {
    const image = imageNodeOptions();
    const args = productionNodeArgs('gateway');
    expect(args).toEqual(expect.arrayContaining(image));
    expect(args.filter((a) => a.startsWith('--max-semi-space-size='))).toHaveLength(1);
    expect(args).toContain('--max-old-space-size=512');
  });
});
