import { DateUtils } from 'typeorm/util/DateUtils';
import type { IssuesConfig } from './config';
import { HOUR_MS } from './config';
import type { Urgency } from './entities';

/**
 * An instant as a SQL parameter both databases compare correctly with a `datetime(3)` column:
 * `YYYY-MM-DD HH:MM:SS.mmm` in UTC (SQLite stores exactly that text; MySQL parses it).
 * Instants are computed in JS from ctx.now and passed in, never computed by SQL date functions.
 */
export const sqlInstant = (d: Date): string => DateUtils.mixedDateToUtcDatetimeString(d) as string;

export const addHours = (d: Date, h: number) => new Date(d.getTime() + Math.round(h * HOUR_MS));

/** Deadline from the urgency (configurable). */
export const defaultDeadline = (config: IssuesConfig, urgency: Urgency, reportedAt: Date) =>
  addHours(reportedAt, config.deadlineHours[urgency]);

/** The instant when `share` of the time from `start` to `deadline` is left: the light turns YELLOW. */
export function yellowAt(config: IssuesConfig, start: Date, deadline: Date): Date {
  const span = Math.max(0, deadline.getTime() - start.getTime());
  return new Date(deadline.getTime() - Math.round(span * config.yellowShare));
}

/** Start of a calendar date in China (Beijing) time and the start of the next one, for inclusive from/to filters. */
export const dayStart = (date: string) => new Date(`${date}T00:00:00.000+08:00`);
export const dayAfter = (date: string) => new Date(dayStart(date).getTime() + 24 * HOUR_MS);
