// The pure parts of npm run bench (bench/run.ts): percentiles, the answer comparison, what is read
// from a metrics scrape and /proc, the results table and RESULTS.md's sections. Tested in
// test/bench-report.test.ts; nothing here starts a process or opens a socket.

/** The nearest-rank percentile `p` (0 < p ≤ 1) of `sorted` (ascending); NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * Where two GraphQL answers differ, as a path (`data.division.issues.nodes.3.assignee`), or
 * undefined when they are the same: objects by their keys in any order, lists in their order,
 * numbers and strings exactly.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  const here = path || '(root)';
  if (a === b) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return here;
  if (Array.isArray(a) !== Array.isArray(b)) return here;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) return `${path ? `${path}.` : ''}${i}`;
      const d = firstDifference(a[i], b[i], `${path ? `${path}.` : ''}${i}`);
      if (d) return d;
    }
    return undefined;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])];
  for (const k of keys) {
    const at = `${path ? `${path}.` : ''}${k}`;
    if (!(k in ra) || !(k in rb)) return at;
    const d = firstDifference(ra[k], rb[k], at);
    if (d) return d;
  }
  return undefined;
}

/** The value at `path` (as firstDifference gives it), shortened for a message. */
export function valueAt(value: unknown, path: string): string {
  let v: unknown = value;
  if (path !== '(root)') for (const k of path.split('.')) v = v == null ? undefined : (v as Record<string, unknown>)[k];
  const text = v === undefined ? 'nothing' : JSON.stringify(v);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * The `_sum` and `_count` of histogram `name` for each value of its `service` label, from a
 * Prometheus text scrape (prom-client's).
 */
export function histogramTotals(scrape: string, name: string): Map<string, { sum: number; count: number }> {
  const out = new Map<string, { sum: number; count: number }>();
  const line = new RegExp(`^${name}_(sum|count)\\{([^}]*)\\}\\s+(\\S+)`);
  for (const text of scrape.split('\n')) {
    const m = line.exec(text);
    if (!m) continue;
    const service = /(?:^|,)service="([^"]*)"/.exec(m[2])?.[1];
    if (service === undefined) continue;
    const entry = out.get(service) ?? { sum: 0, count: 0 };
    entry[m[1] as 'sum' | 'count'] += Number(m[3]);
    out.set(service, entry);
  }
  return out;
}

/** VmHWM (peak resident set size) from a /proc/<pid>/status, in bytes; undefined when absent. */
export function peakRss(status: string): number | undefined {
  const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** VmRSS (resident set size now) from a /proc/<pid>/status, in bytes; undefined when absent. */
export function residentRss(status: string): number | undefined {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** The figures of one operation in one mode against one target (a gateway, or the subgraph directly). */
export interface Measured {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** SQL statements all subgraphs sent, per request sent. */
  sqlPerRequest: number;
  /** Requests the subgraphs answered, per request sent (below 1 per subgraph asked: shared fetches). */
  subgraphRequestsPerRequest: number;
  /** Requests that got no answer to measure: an HTTP error, a timeout, or an answer with errors. */
  failed: number;
}

/** What one slice of load against one target gave. */
export interface Slice {
  /** Requests answered without errors, and requests sent (answered or not, in time or not). */
  answered: number;
  sent: number;
  seconds: number;
  /** Of every 200 answer, in milliseconds, in any order. */
  latencies: number[];
  /** SQL statements and requests the subgraphs counted meanwhile. */
  sql: number;
  subgraphRequests: number;
  failed: number;
}

/** The figures of a target over its slices (requests/s over their whole time). */
export function combine(slices: readonly Slice[]): Measured {
  const answered = slices.reduce((n, s) => n + s.answered, 0);
  const seconds = slices.reduce((n, s) => n + s.seconds, 0);
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const sum = (k: 'sql' | 'subgraphRequests' | 'failed' | 'sent') => slices.reduce((n, s) => n + s[k], 0);
  // The subgraphs answer every request sent, also those the clients stopped waiting for.
  const sent = sum('sent');
  return {
    requestsPerSecond: seconds > 0 ? answered / seconds : 0,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    sqlPerRequest: sent ? sum('sql') / sent : 0,
    subgraphRequestsPerRequest: sent ? sum('subgraphRequests') / sent : 0,
    failed: sum('failed'),
  };
}

export interface ResultRow {
  operation: string;
  mode: string;
  ours: Measured;
  /** Absent when Hive Gateway could not answer the operation (said beside the table). */
  hive?: Measured;
  direct?: Measured & { subgraph: string };
}

const ms = (x: number) => (Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const rate = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
/** Requests/s, and how many failed when some did. */
const rps = (m: Measured) => `${rate(m.requestsPerSecond)}${m.failed ? ` (${m.failed} failed)` : ''}`;
const latency = (m: Measured) => `${ms(m.p50)} / ${ms(m.p95)} / ${ms(m.p99)}`;
const per = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
/** `1.23×`, or `–` when the denominator measured nothing. */
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');

/** The results as a Markdown table, one row per operation and mode. */
export function resultsTable(rows: readonly ResultRow[]): string {
  const head = [
    'operation',
    'clients ask',
    'ours: req/s',
    'ours: p50 / p95 / p99 ms',
    'Hive: req/s',
    'Hive: p50 / p95 / p99 ms',
    'ours / Hive',
    'SQL per request: ours / Hive',
    'subgraph requests per request: ours / Hive',
    'direct: req/s, p50 / p95 / p99 ms',
    'ours / direct',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) {
    const d = r.direct;
    const h = r.hive;
    lines.push(
      `| ${[
        r.operation,
        r.mode,
        rps(r.ours),
        latency(r.ours),
        h ? rps(h) : 'errors',
        h ? latency(h) : '–',
        h ? ratio(r.ours.requestsPerSecond, h.requestsPerSecond) : '–',
        `${per(r.ours.sqlPerRequest)} / ${h ? per(h.sqlPerRequest) : '–'}`,
        `${per(r.ours.subgraphRequestsPerRequest)} / ${h ? per(h.subgraphRequestsPerRequest) : '–'}`,
        d ? `${d.subgraph}: ${rps(d)}, ${latency(d)}` : '–',
        d ? ratio(r.ours.requestsPerSecond, d.requestsPerSecond) : '–',
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

export interface Target {
  target: string;
  met: boolean;
  /** What was measured against it: `0.83× on red issues, different districts`. */
  detail: string;
}

/** The issue's targets that one run can check, each met or missed with the numbers. */
export function checkTargets(
  rows: readonly ResultRow[],
  rss: { gatewayWorkers: number; subgraphs: Record<string, number> },
  city: string,
): Target[] {
  const label = (r: ResultRow) => `${r.operation} (${r.mode})`;
  const out: Target[] = [];
  const failing = rows.flatMap((r) =>
    (
      [
        ['ours', r.ours],
        ['Hive', r.hive],
        ['direct', r.direct],
      ] as const
    ).flatMap(([who, m]) => (m?.failed ? [`${label(r)}, ${who}: ${m.failed}`] : [])),
  );
  out.push({ target: 'every request answered without errors', met: failing.length === 0, detail: failing.length ? failing.join('; ') : 'none failed' });
  const compared = rows.filter((r) => r.hive);
  const slower = compared.filter((r) => r.ours.requestsPerSecond < r.hive!.requestsPerSecond);
  out.push({
    target: "ours ≥ Hive Gateway's requests/s on every operation",
    // Nothing compared is no comparison won.
    met: compared.length > 0 && slower.length === 0,
    detail: slower.length
      ? slower.map((r) => `${label(r)} ${ratio(r.ours.requestsPerSecond, r.hive!.requestsPerSecond)}`).join('; ')
      : compared.length
        ? `lowest ${lowest(compared.map((r) => r.ours.requestsPerSecond / r.hive!.requestsPerSecond))}`
        : 'Hive Gateway answered none of the operations',
  });
  const direct = rows.filter((r) => r.direct);
  if (direct.length) {
    const short = direct.filter((r) => r.ours.requestsPerSecond < 0.7 * r.direct!.requestsPerSecond);
    out.push({
      target: "the gateway keeps ≥ 70% of a single subgraph's direct requests/s",
      met: short.length === 0,
      detail: (short.length ? short : direct).map((r) => `${label(r)} ${ratio(r.ours.requestsPerSecond, r.direct!.requestsPerSecond)}`).join('; '),
    });
  }
  const slow = rows.filter((r) => r.operation !== city && r.ours.p95 >= 300);
  out.push({
    target: 'p95 under 300 ms on every dashboard operation (ours)',
    met: slow.length === 0,
    detail: slow.length ? slow.map((r) => `${label(r)} ${ms(r.ours.p95)} ms`).join('; ') : `highest ${ms(Math.max(...rows.filter((r) => r.operation !== city).map((r) => r.ours.p95)))} ms`,
  });
  const cities = rows.filter((r) => r.operation === city);
  if (cities.length) {
    out.push({
      target: "the whole city's overview under 1 s (ours, p95)",
      met: cities.every((r) => r.ours.p95 < 1000),
      detail: cities.map((r) => `${r.mode}: ${ms(r.ours.p95)} ms`).join('; '),
    });
  }
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
  const heavy = Object.entries(rss.subgraphs).filter(([, b]) => b >= 300 * 2 ** 20);
  out.push({
    target: 'peak RSS of each subgraph under 300 MB',
    met: heavy.length === 0,
    detail: Object.entries(rss.subgraphs).map(([name, b]) => `${name} ${mb(b)}`).join(', '),
  });
  out.push({ target: 'peak RSS of each gateway worker under 400 MB (ours)', met: rss.gatewayWorkers < 400 * 2 ** 20, detail: mb(rss.gatewayWorkers) });
  return out;
}

const lowest = (xs: number[]) => `${Math.min(...xs).toFixed(2)}×`;

export const targetsList = (targets: readonly Target[]) => targets.map((t) => `- ${t.met ? 'met' : '**missed**'}: ${t.target}: ${t.detail}`).join('\n');

/**
 * RESULTS.md with the section under `heading` (a `## ` line) replaced by `body`, or added at the
 * end; the other sections (another database's run) are kept as they were.
 */
export function replaceSection(document: string, heading: string, body: string): string {
  const section = `${heading}\n\n${body.trim()}\n`;
  const lines = document.split('\n');
  const start = lines.findIndex((l) => l === heading);
  if (start < 0) return `${document.trimEnd()}${document.trim() ? '\n\n' : ''}${section}`;
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before}${before ? '\n' : ''}${section}${after ? `\n${after}` : ''}`;
}
