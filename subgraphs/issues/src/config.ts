import { z } from 'zod';
import type { Urgency } from './entities';

const hours = (fallback: number) => z.coerce.number().positive().max(24 * 365).default(fallback);

/**
 * The issues subgraph's rules that vary by campaign, its own settings: kit parses them once
 * when the subgraph starts (a bad value stops the process, naming the variable). Hours may be
 * fractional.
 */
export const issuesSettings = z
  .object({
    ISSUES_DEADLINE_HOURS_EMERGENCY: hours(2),
    ISSUES_DEADLINE_HOURS_UTILITIES: hours(24),
    ISSUES_DEADLINE_HOURS_GENERAL: hours(7 * 24),
    ISSUES_DEADLINE_HOURS_COMPLEX: hours(15 * 24),
    ISSUES_RESPONSE_HOURS_EMERGENCY: hours(0.5),
    ISSUES_RESPONSE_HOURS_OTHER: hours(24),
    /** Share of the time to the deadline left when the light turns YELLOW. */
    ISSUES_YELLOW_SHARE: z.coerce.number().min(0).max(1).default(0.2),
    /** Overdue this long: the sweep escalates to level 3 (挂牌督办). */
    ISSUES_ESCALATE_AFTER_HOURS: hours(72),
    /** How many extensions ADMIN may approve per issue (requestExtension, decideExtension). */
    ISSUES_MAX_EXTENSIONS: z.coerce.number().int().min(0).max(10).default(2),
    /** How often the running subgraph's supervision sweep runs; 0 turns it off. */
    ISSUES_SWEEP_SECONDS: z.coerce.number().int().min(0).max(86_400, 'expected at most a day (86400)').default(300),
  })
  .transform((e) => ({
    deadlineHours: {
      EMERGENCY: e.ISSUES_DEADLINE_HOURS_EMERGENCY,
      UTILITIES: e.ISSUES_DEADLINE_HOURS_UTILITIES,
      GENERAL: e.ISSUES_DEADLINE_HOURS_GENERAL,
      COMPLEX: e.ISSUES_DEADLINE_HOURS_COMPLEX,
    } satisfies Record<Urgency, number>,
    responseHours: {
      EMERGENCY: e.ISSUES_RESPONSE_HOURS_EMERGENCY,
      UTILITIES: e.ISSUES_RESPONSE_HOURS_OTHER,
      GENERAL: e.ISSUES_RESPONSE_HOURS_OTHER,
      COMPLEX: e.ISSUES_RESPONSE_HOURS_OTHER,
    } satisfies Record<Urgency, number>,
    yellowShare: e.ISSUES_YELLOW_SHARE,
    escalateAfterHours: e.ISSUES_ESCALATE_AFTER_HOURS,
    sweepSeconds: e.ISSUES_SWEEP_SECONDS,
    maxExtensions: e.ISSUES_MAX_EXTENSIONS,
  }));

export type IssuesConfig = z.infer<typeof issuesSettings>;

export const HOUR_MS = 3_600_000;
