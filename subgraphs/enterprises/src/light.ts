import { z } from 'zod';
import { toIsoDate } from '@cadres/kit';
import type { Light } from './generated/graphql';

/**
 * The key-project light (重点项目亮灯), the one rule of this subgraph that depends on "now".
 *
 * Units. Progress is stored in basis points (0..10,000 = 0..1), so every comparison below is
 * integer arithmetic: "exactly 10 points behind" is exact, never 0.09999999. Dates are calendar
 * days; "today" is the date in China Standard Time (UTC+8, no DST) of the request's clock
 * (`ctx.now`, fixed in tests), because the plans are Chinese calendar dates.
 *
 * Planned progress by today: 0 up to the planned start, 1 from the planned finish on, and
 * linear in days between them: (today − start) / (finish − start). finish > start always holds
 * (registerProject checks it).
 *
 * behind = planned − actual (negative when ahead). "Started" means actual > 0.
 *
 *   RED     not started, and today is on or after the day `redUnstartedMonths` months after
 *           the planned start (start + 3 months; the 31st plus months clamps to the month's
 *           last day: 2026-11-30 + 3 months = 2027-02-28). On that day it is already RED.
 *   RED     behind > red threshold (default 0.30): exactly 30 points behind is not RED.
 *   YELLOW  not started, and the planned start is past (today > start; on the start day itself
 *           nothing is due yet).
 *   YELLOW  behind >= yellow threshold (default 0.10): exactly 10 points behind is YELLOW,
 *           exactly 30 points behind too.
 *   GREEN   otherwise: on plan, ahead, not due to start, or finished (actual = 1).
 *
 * The first rule that matches wins. The thresholds come from the environment, parsed once at
 * start-up: PROJECT_LIGHT_YELLOW_BEHIND (0.10), PROJECT_LIGHT_RED_BEHIND (0.30) as fractions,
 * PROJECT_LIGHT_RED_UNSTARTED_MONTHS (3).
 *
 * The same rule exists twice: `projectLight` (for the field) and `lightSql` (to filter a subtree's
 * projects by light in the database). The tests check that they agree, boundaries included.
 */
export type { Light }; // the SDL's enum (Project.light), generated

export const BP = 10_000;

export interface LightRules {
  /** Points behind (in basis points) from which a project is YELLOW. */
  yellowBehindBp: number;
  /** Points behind (in basis points) beyond which a project is RED. */
  redBehindBp: number;
  /** Months after the planned start from which an unstarted project is RED. */
  redUnstartedMonths: number;
}

export const defaultLightRules: LightRules = { yellowBehindBp: 1_000, redBehindBp: 3_000, redUnstartedMonths: 3 };

const behindFraction = (fallback: number) =>
  z.coerce.number().gt(0, 'expected a fraction above 0 (e.g. 0.10 for 10 points)').max(1, 'expected a fraction up to 1').default(fallback);

/** The light thresholds from the environment (defaults when unset): enterprises' own settings, parsed at start-up. */
export const lightRulesEnv = z
  .object({
    PROJECT_LIGHT_YELLOW_BEHIND: behindFraction(0.1),
    PROJECT_LIGHT_RED_BEHIND: behindFraction(0.3),
    PROJECT_LIGHT_RED_UNSTARTED_MONTHS: z.coerce.number().int('expected whole months').min(1).max(120).default(3),
  })
  .refine((e) => e.PROJECT_LIGHT_RED_BEHIND >= e.PROJECT_LIGHT_YELLOW_BEHIND, {
    path: ['PROJECT_LIGHT_RED_BEHIND'],
    message: 'expected at least PROJECT_LIGHT_YELLOW_BEHIND',
    // Only once both are valid fractions, so that a bad value is reported once.
    when: (payload) => payload.issues.length === 0,
  })
  .transform(
    (e): LightRules => ({
      yellowBehindBp: Math.round(e.PROJECT_LIGHT_YELLOW_BEHIND * BP),
      redBehindBp: Math.round(e.PROJECT_LIGHT_RED_BEHIND * BP),
      redUnstartedMonths: e.PROJECT_LIGHT_RED_UNSTARTED_MONTHS,
    }),
  );

// ------------------------------------------------------------------------------ calendar days

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

export const isoOfDay = (day: number) => toIsoDate(new Date(day * DAY_MS));

/** `months` calendar months after `iso` (may be negative); a day past the month's end clamps to its last day. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return toIsoDate(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))));
}

/**
 * The latest planned start that is `months` months old today: an unstarted project is RED
 * exactly when plannedStart <= this date. (addMonths is monotone in its start date, so the
 * starts it sends on or before today form a prefix; at most a few steps find its end.)
 */
export function unstartedRedCutoff(today: string, months: number): string {
  let day = dayNumber(addMonths(today, -months));
  while (addMonths(isoOfDay(day), months) > today) day--;
  while (addMonths(isoOfDay(day + 1), months) <= today) day++;
  return isoOfDay(day);
}

// ------------------------------------------------------------------------------ the rule

export interface ProjectSchedule {
  plannedStart: string;
  plannedFinish: string;
  /** Latest reported progress, basis points. */
  actualBp: number;
}

/** Days of the plan elapsed by today, clamped to [0, finish − start]. */
function elapsedDays(p: ProjectSchedule, today: string) {
  const total = dayNumber(p.plannedFinish) - dayNumber(p.plannedStart);
  const elapsed = Math.min(Math.max(dayNumber(today) - dayNumber(p.plannedStart), 0), total);
  return { elapsed, total };
}

/** 0..1: what the plan asks for by today. */
export function plannedProgress(p: ProjectSchedule, today: string): number {
  const { elapsed, total } = elapsedDays(p, today);
  return elapsed / total;
}

export function projectLight(p: ProjectSchedule, today: string, rules: LightRules): Light {
  const { elapsed, total } = elapsedDays(p, today);
  // behind × total, in basis points: integers, so the boundaries are exact.
  const behindTimesTotal = BP * elapsed - p.actualBp * total;
  const started = p.actualBp > 0;
  if (!started && addMonths(p.plannedStart, rules.redUnstartedMonths) <= today) return 'RED';
  if (behindTimesTotal > rules.redBehindBp * total) return 'RED';
  if (!started && today > p.plannedStart) return 'YELLOW';
  if (behindTimesTotal >= rules.yellowBehindBp * total) return 'YELLOW';
  return 'GREEN';
}

/**
 * `projectLight` as an SQL expression over a project row aliased `t` (columns plannedStart,
 * startDay, finishDay, actualBp), for today; portable (CASE and integer arithmetic only).
 * Returns the expression and its positional parameters.
 */
export function lightSql(today: string, rules: LightRules): { sql: string; params: unknown[] } {
  const t = dayNumber(today);
  const total = '(t.finishDay - t.startDay)';
  const elapsed = `(CASE WHEN t.startDay >= ? THEN 0 WHEN t.finishDay <= ? THEN ${total} ELSE ? - t.startDay END)`;
  const behindTimesTotal = `(${BP} * ${elapsed} - t.actualBp * ${total})`;
  const sql =
    `(CASE WHEN t.actualBp = 0 AND t.plannedStart <= ? THEN 'RED'` +
    ` WHEN ${behindTimesTotal} > ? * ${total} THEN 'RED'` +
    ` WHEN t.actualBp = 0 AND t.startDay < ? THEN 'YELLOW'` +
    ` WHEN ${behindTimesTotal} >= ? * ${total} THEN 'YELLOW'` +
    ` ELSE 'GREEN' END)`;
  const params = [
    unstartedRedCutoff(today, rules.redUnstartedMonths),
    t, t, t, rules.redBehindBp,
    t,
    t, t, t, rules.yellowBehindBp,
  ];
  return { sql, params };
}
