// Supervision (督办): by hand (superviseIssue) and by the sweep for overdue issues.
import { transaction, updateVersioned } from '@cadres/kit';
import type { IssuesConfig } from './config';
import { Issue } from './entities';
import { addHours, sqlInstant } from './time';
import { sweptStatuses } from './workflow';
import { type Actor, appendEvent } from './ledger';
import { applyStep, joinNote, optionalNote, refuse } from './steps';

export const MAX_SUPERVISION_LEVEL = 3;

export function superviseIssue(a: Actor, id: string, expectedVersion: number, note?: string | null) {
  const text = optionalNote(note, 'note');
  return applyStep(a, id, expectedVersion, 'supervise', (issue) => {
    if (issue.supervisionLevel >= MAX_SUPERVISION_LEVEL) {
      throw refuse(`Issue ${issue.ref} is already at the highest supervision level`, issue, 'supervise');
    }
    return {
      patch: { supervisionLevel: issue.supervisionLevel + 1 },
      action: 'SUPERVISE',
      note: joinNote(`level ${issue.supervisionLevel} -> ${issue.supervisionLevel + 1}`, text),
    };
  });
}

/**
 * The supervision level an open issue should have at `now`: 1 (催办) once the light is YELLOW,
 * 2 (督办) once overdue, 3 (挂牌督办) when overdue by more than escalateAfterHours.
 */
export function dueSupervisionLevel(config: IssuesConfig, issue: Pick<Issue, 'deadline' | 'yellowAt'>, now: Date): number {
  const t = now.getTime();
  if (t > addHours(issue.deadline, config.escalateAfterHours).getTime()) return 3;
  if (t > issue.deadline.getTime()) return 2;
  if (t >= issue.yellowAt.getTime()) return 1;
  return 0;
}

/**
 * The automatic sweep: raises the supervision level of issues waiting on the handling unit
 * (REPORTED to IN_PROGRESS) that are near or past their deadline to the level due (never lowers it). Idempotent: a second run at the same
 * instant changes nothing. Each raise is a versioned change with its IssueEvent. Returns how
 * many issues it raised. main.ts runs it periodically; tests call it with a fixed clock.
 */
export async function superviseOverdue(a: Actor, batch = 500): Promise<number> {
  const now = sqlInstant(a.now);
  const escalate = sqlInstant(addHours(a.now, -a.config.escalateAfterHours));
  const candidates: Issue[] = await a.ds
    .getRepository(Issue)
    .createQueryBuilder('t')
    .where('t.status IN (:...swept)', { swept: sweptStatuses })
    .andWhere(
      '((t.yellowAt <= :now AND t.supervisionLevel < 1) OR (t.deadline < :now AND t.supervisionLevel < 2) OR (t.deadline < :escalate AND t.supervisionLevel < 3))',
      { now, escalate },
    )
    .orderBy('t.deadline')
    .addOrderBy('t.id')
    .limit(batch)
    .getMany();
  let raised = 0;
  for (const c of candidates) {
    const level = dueSupervisionLevel(a.config, c, a.now);
    if (level <= c.supervisionLevel) continue;
    const before = c.supervisionLevel;
    const done = await transaction(a.ds, async (em) => {
      const changed = await updateVersioned(em, Issue, c, { supervisionLevel: level });
      if (!changed) return false; // changed meanwhile: the next sweep looks again
      await appendEvent(em, a, c.id, changed.version, 'AUTO_SUPERVISE', c.status, c.status, `level ${before} -> ${level}`);
      return true;
    });
    if (done) raised++;
  }
  return raised;
}
