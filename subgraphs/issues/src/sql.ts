import { badInput, subtreeRange } from '@cadres/kit';
import { finishedStatuses } from './workflow';
import { dayAfter, dayStart, sqlInstant } from './time';

/** A piece of WHERE over the issue table aliased `t`, with positional parameters (`?` on both databases). */
export interface Where {
  sql: string;
  params: unknown[];
}

export const and = (parts: Where[]): Where => {
  const used = parts.filter((p) => p.sql);
  return { sql: used.map((p) => `(${p.sql})`).join(' AND '), params: used.flatMap((p) => p.params) };
};

const list = (values: readonly unknown[]) => values.map(() => '?').join(', ');
const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** SQL: the issue is still open (not CLOSED or REJECTED). Status values are our own enum literals. */
export const OPEN = `t.status NOT IN (${quoted(finishedStatuses)})`;

/**
 * `condition` about the instant an open issue's light is judged at: its resolution for a
 * RESOLVED one (it keeps the light it had while the resident is asked), else `now`. Spelled as
 * two branches rather than one CASE: MySQL would compare a CASE of a column and a parameter as text.
 */
export function atLightClock(now: Date, condition: (clock: string) => string): Where {
  const open = condition('?');
  return {
    sql: `(t.status = 'RESOLVED' AND ${condition('t.resolvedAt')}) OR (t.status <> 'RESOLVED' AND ${open})`,
    params: open.split('?').slice(1).map(() => sqlInstant(now)),
  };
}

/**
 * The light of an issue at `now`, in SQL: finished ones by finishedAt vs deadline; open ones RED
 * after the deadline, YELLOW from yellowAt (20% of the time left), else GREEN, judged at
 * resolvedAt while RESOLVED. Mirrors `lightOf`.
 */
export function lightSql(now: Date): Where {
  const red = atLightClock(now, (c) => `t.deadline < ${c}`);
  const yellow = atLightClock(now, (c) => `t.yellowAt <= ${c}`);
  return {
    sql:
      `CASE WHEN t.finishedAt IS NOT NULL THEN (CASE WHEN t.finishedAt <= t.deadline THEN 'GREEN' ELSE 'RED' END)` +
      ` WHEN ${red.sql} THEN 'RED' WHEN ${yellow.sql} THEN 'YELLOW' ELSE 'GREEN' END`,
    params: [...red.params, ...yellow.params],
  };
}

export interface IssueFilter {
  status?: string[] | null;
  category?: string[] | null;
  light?: string[] | null;
  assigneeId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** `column` (an instant) within the calendar dates from..to (China time, both inclusive). */
export function between(column: string, from?: string | null, to?: string | null): Where {
  if (from && to && from > to) throw badInput('to', 'to must not be before from');
  const parts: Where[] = [];
  if (from) parts.push({ sql: `${column} >= ?`, params: [sqlInstant(dayStart(from))] });
  if (to) parts.push({ sql: `${column} < ?`, params: [sqlInstant(dayAfter(to))] });
  return and(parts);
}

export const reportedBetween = (from?: string | null, to?: string | null) => between('t.reportedAt', from, to);

/** The issues a period holds: reported in it, or (by CLOSED) closed in it. */
export function periodSql(by: 'REPORTED' | 'CLOSED' | null | undefined, from?: string | null, to?: string | null): Where {
  if (by !== 'CLOSED') return reportedBetween(from, to);
  return and([{ sql: "t.status = 'CLOSED'", params: [] }, between('t.finishedAt', from, to)]);
}

export function filterSql(filter: IssueFilter | null | undefined, now: Date): Where {
  if (!filter) return { sql: '', params: [] };
  const parts: Where[] = [];
  if (filter.status?.length) parts.push({ sql: `t.status IN (${list(filter.status)})`, params: filter.status });
  if (filter.category?.length) parts.push({ sql: `t.category IN (${list(filter.category)})`, params: filter.category });
  if (filter.assigneeId != null) parts.push({ sql: 't.assigneeId = ?', params: [filter.assigneeId] });
  if (filter.light?.length) {
    const light = lightSql(now);
    parts.push({ sql: `${light.sql} IN (${list(filter.light)})`, params: [...light.params, ...filter.light] });
  }
  parts.push(reportedBetween(filter.from, filter.to));
  return and(parts);
}

export function subtreeSql(divisionCode: string): Where {
  const { lo, hi } = subtreeRange(divisionCode);
  return { sql: 't.divisionCode >= ? AND t.divisionCode < ?', params: [lo, hi] };
}

/** Newest first; ref breaks ties (unique), so pages are stable. */
export const ISSUE_ORDER = 't.reportedAt DESC, t.ref DESC';

/** MySQL returns SUM() as a decimal string and COUNT() as a number or string: normalize. */
export const num = (v: unknown): number => (v == null ? 0 : Number(v));
