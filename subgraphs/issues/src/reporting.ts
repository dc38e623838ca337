// Reporting (上报): a new issue enters the ledger with its number, deadline and first event.
import { randomUUID } from 'node:crypto';
import { badInput, chinaDate, createOnce, idempotencyKeyArg, isMysql, requireDivisionCode, requireText } from '@cadres/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { Issue, subjectTypes, type IssueCategory, type IssueKind, type IssueSource, type SubjectType, type Urgency } from './entities';
import { defaultDeadline, yellowAt } from './time';
import { type Actor, appendEvent, optionalId } from './ledger';

export interface ReportIssueInput {
  title: string;
  description: string;
  category: IssueCategory;
  kind: IssueKind;
  source: IssueSource;
  urgency: Urgency;
  divisionCode: string;
  subjectType?: string | null;
  subjectId?: string | null;
  reporterId?: string | null;
  visitId?: string | null;
  idempotencyKey?: string | null;
}

function validateReport(input: ReportIssueInput, fixed: boolean) {
  const title = requireText(input.title, 'input.title', 200);
  const description = requireText(input.description, 'input.description', 2000);
  const division = requireDivisionCode(input.divisionCode, 'input.divisionCode');
  let subjectType: SubjectType | null = null;
  let subjectId: string | null = null;
  if (input.subjectType != null || input.subjectId != null) {
    if (!(subjectTypes as readonly string[]).includes(input.subjectType ?? '')) {
      throw badInput('input.subjectType', `input.subjectType must be one of ${subjectTypes.join(', ')}`);
    }
    subjectType = input.subjectType as SubjectType;
    subjectId = optionalId(input.subjectId, 'input.subjectId');
    if (!subjectId) throw badInput('input.subjectId', 'input.subjectId is required with input.subjectType');
    if (subjectType === 'Division') requireDivisionCode(subjectId, 'input.subjectId');
  }
  const idempotencyKey = idempotencyKeyArg(input.idempotencyKey, 'input.idempotencyKey');
  const visitId = optionalId(input.visitId, 'input.visitId');
  if (fixed && !visitId) throw badInput('input.visitId', 'a problem fixed on the spot names the visit it was solved during');
  return {
    title,
    description,
    divisionCode: division.code,
    subjectType,
    subjectId,
    reporterId: optionalId(input.reporterId, 'input.reporterId'),
    visitId,
    idempotencyKey,
  };
}

/** The ledger year: the calendar year in China Standard Time (UTC+8, no DST). */
export const ledgerYear = (now: Date) => Number(chinaDate(now).slice(0, 4));

export const formatRef = (year: number, district: string, n: number) => `${year}-${district}-${String(n).padStart(6, '0')}`;

/** A number counter's row: (district prefix, ledger year). */
export type CounterKey = [string, number];
export type CounterTable = 'ledger_counter' | 'demand_counter';

/**
 * The counter row must exist before it can be locked. On MySQL a separate autocommit statement
 * before the transaction (INSERT IGNORE waits for, then skips, a concurrent creator); on SQLite
 * inside the queued transaction (nextNumber; a statement outside it would join whichever
 * transaction is open).
 */
export async function prepareCounter(ds: DataSource, table: CounterTable, key: CounterKey): Promise<void> {
  if (isMysql(ds)) await ds.query(`INSERT IGNORE INTO ${table} (districtPrefix, ledgerYear, lastNumber) VALUES (?, ?, 0)`, key);
}

/** The next number of the counter row, taken under a row lock in the caller's transaction (gap-free: a rollback returns it). */
export async function nextNumber(em: EntityManager, table: CounterTable, key: CounterKey): Promise<number> {
  const mysql = isMysql(em.connection);
  if (!mysql) await em.query(`INSERT OR IGNORE INTO ${table} (districtPrefix, ledgerYear, lastNumber) VALUES (?, ?, 0)`, key);
  const [counter] = await em.query(`SELECT lastNumber FROM ${table} WHERE districtPrefix = ? AND ledgerYear = ?${mysql ? ' FOR UPDATE' : ''}`, key);
  const next = Number(counter.lastNumber) + 1;
  await em.query(`UPDATE ${table} SET lastNumber = ? WHERE districtPrefix = ? AND ledgerYear = ?`, [next, ...key]);
  return next;
}

/**
 * REPORTED, with the next ledger number of the district and year. The number comes from a
 * counter row taken under a row lock (SELECT … FOR UPDATE on MySQL; SQLite transactions are
 * serialized by kit `transaction`), in the same transaction as the issue, so the numbers are
 * unique (also a unique index) and gap-free: a failed report rolls its number back.
 * An idempotencyKey the caller used before returns the first issue, also when the retries race
 * (kit `createOnce`: the key is claimed before the counter is locked, so a losing retry takes
 * no number); the same key with another report is a CONFLICT.
 * With `fixedWith` (the feedback of a problem solved during the visit) the same report is closed
 * at once, in the same transaction: REPORT then FIX_ON_THE_SPOT in its history.
 */
export async function reportIssue(a: Actor, raw: ReportIssueInput, fixedWith: string | null = null): Promise<Issue> {
  const fixed = fixedWith !== null;
  const action = fixed ? 'fixOnTheSpot' : 'report';
  const input = validateReport(raw, fixed);
  const feedback = fixed ? requireText(fixedWith, 'feedback', 2000) : null;
  a.authorize?.(action, { divisionCode: input.divisionCode, assigneeId: null, reportedBy: a.actor });
  const { ds } = a;
  const { idempotencyKey: key, ...report } = input;
  const request = {
    operation: fixed ? 'fixOnTheSpot' : 'reportIssue',
    key,
    caller: a.actor,
    input: { ...report, category: raw.category, kind: raw.kind, source: raw.source, urgency: raw.urgency, ...(fixed ? { feedback } : {}) },
    now: a.now,
    field: 'input.idempotencyKey',
  };
  const district = input.divisionCode.slice(0, 6);
  const year = ledgerYear(a.now);
  const counterKey: CounterKey = [district, year];
  return createOnce(ds, request, {
    // Asked only by a first attempt: a retry the record answers needs no owner and no counter.
    prepare: async () => {
      // The ledger stores ids it does not own: each must exist at its owner before a number is taken.
      await a.requireExisting?.([
        { type: 'Division', id: input.divisionCode, field: 'input.divisionCode' },
        ...(input.subjectType === 'Division' && input.subjectId ? [{ type: 'Division' as const, id: input.subjectId, field: 'input.subjectId' }] : []),
        ...(input.reporterId ? [{ type: 'Cadre' as const, id: input.reporterId, field: 'input.reporterId' }] : []),
        ...(input.visitId ? [{ type: 'Visit' as const, id: input.visitId, field: 'input.visitId' }] : []),
      ]);
      if (input.subjectType && input.subjectId && a.owners) {
        // The ledger number is the district's: an issue about a subject elsewhere belongs there,
        // and a scoped caller reports only about subjects in its scope.
        const at = input.subjectType === 'Division' ? input.subjectId : await a.owners.locate(input.subjectType, input.subjectId, 'input.subjectId');
        if (at.slice(0, 6) !== input.divisionCode.slice(0, 6)) {
          throw badInput('input.subjectId', `the subject lies in district ${at.slice(0, 6)}, not in the issue's district ${input.divisionCode.slice(0, 6)}`);
        }
        a.authorize?.(action, { divisionCode: at, assigneeId: null, reportedBy: a.actor });
      }
      // Solved during the visit by whoever found it: the cadre named as reporter is one who made
      // that visit, so nobody counts a fix on someone else's visit.
      if (fixed && input.reporterId && a.owners && !(await a.owners.visitCadres(input.visitId!, 'input.visitId')).includes(input.reporterId)) {
        throw badInput('input.reporterId', `cadre ${input.reporterId} did not make visit ${input.visitId}: a problem fixed on the spot is reported by one of the visit's cadres`);
      }
      await prepareCounter(ds, 'ledger_counter', counterKey);
    },
    replay: (em, id) => em.findOneByOrFail(Issue, { id }),
    create: async (em) => {
      const next = await nextNumber(em, 'ledger_counter', counterKey);
      const deadline = defaultDeadline(a.config, raw.urgency, a.now);
      const issue = em.create(Issue, {
        id: randomUUID(),
        ref: formatRef(year, district, next),
        title: input.title,
        description: input.description,
        category: raw.category,
        kind: raw.kind,
        source: raw.source,
        urgency: raw.urgency,
        divisionCode: input.divisionCode,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        reporterId: input.reporterId,
        reportedBy: a.actor,
        visitId: input.visitId,
        assigneeId: null,
        // Fixed on the spot: closed at once, version 2 after its two events.
        status: fixed ? 'CLOSED' : 'REPORTED',
        version: fixed ? 2 : 1,
        reportedAt: a.now,
        deadline,
        originalDeadline: deadline,
        yellowAt: yellowAt(a.config, a.now, deadline),
        assignedAt: null,
        responseDeadline: null,
        acceptedAt: null,
        resolvedAt: fixed ? a.now : null,
        finishedAt: fixed ? a.now : null,
        supervisionLevel: 0,
        reopenCount: 0,
        feedback,
        evalSatisfaction: null,
        evalSolved: null,
        evalComment: null,
        evaluatedAt: null,
        fixedOnTheSpot: fixed,
      });
      await em.insert(Issue, issue);
      await appendEvent(em, a, issue.id, 1, 'REPORT', null, 'REPORTED', null);
      if (fixed) await appendEvent(em, a, issue.id, 2, 'FIX_ON_THE_SPOT', 'REPORTED', 'CLOSED', feedback);
      return issue;
    },
  });
}

/** Solved during the visit that found it (即知即改): reported and closed at once, idempotent like reportIssue. */
export const fixOnTheSpot = (a: Actor, raw: ReportIssueInput, feedback: string) => reportIssue(a, raw, feedback);
