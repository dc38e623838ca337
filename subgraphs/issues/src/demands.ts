// The 四单 method (issue 12): residents order a demand (群众点单), the community opens it
// (社区开单), departments and cadres take it (共同接单), it is done (办结), and residents deliberate
// it (民主议单). Ordering is idempotent like reporting; each step is a versioned change checked
// against workflow.ts demandSteps and the policy table, with its DemandEvent, in one transaction.
import { randomUUID } from 'node:crypto';
import { badInput, conflict, createOnce, idempotencyKeyArg, notFound, requireDivisionCode, requireText, requireVersion, transaction, updateVersioned } from '@cadres/kit';
import type { EntityManager } from 'typeorm';
import { Demand, DemandEvent, DemandTaker, type DemandStatus } from './entities';
import { type Actor, optionalId } from './ledger';
import { ledgerYear, nextNumber, prepareCounter, type CounterKey } from './reporting';
import { NOTE_MAX, joinNote, rememberDepartment, requireServes } from './steps';
import { checkDemandStep, demandSteps, type DemandStep } from './workflow';

export const formatDemandRef = (year: number, district: string, n: number) => `D-${year}-${district}-${String(n).padStart(6, '0')}`;

/** At most this many scores in one deliberation. */
export const MAX_SCORES = 500;

const appendDemandEvent = (em: EntityManager, a: Actor, demandId: string, seq: number, action: string, from: DemandStatus | null, to: DemandStatus, note: string | null) =>
  em.insert(DemandEvent, { id: randomUUID(), demandId, seq, at: a.now, action, fromStatus: from, toStatus: to, actor: a.actor, note });

/** 点单 -> ORDERED, with the next demand number of the district and year; a retry with the same idempotencyKey returns the first. */
export async function orderDemand(a: Actor, args: { divisionCode: string; title: string; description: string; idempotencyKey?: string | null }): Promise<Demand> {
  const divisionCode = requireDivisionCode(args.divisionCode, 'divisionCode').code;
  const title = requireText(args.title, 'title', 200);
  const description = requireText(args.description, 'description', 2000);
  const key = idempotencyKeyArg(args.idempotencyKey);
  a.authorize?.('orderDemand', { divisionCode, reportedBy: a.actor });
  const year = ledgerYear(a.now);
  const counterKey: CounterKey = [divisionCode.slice(0, 6), year];
  return createOnce(a.ds, { operation: 'orderDemand', key, caller: a.actor, input: { divisionCode, title, description }, now: a.now }, {
    prepare: async () => {
      await a.requireExisting?.([{ type: 'Division', id: divisionCode, field: 'divisionCode' }]);
      await prepareCounter(a.ds, 'demand_counter', counterKey);
    },
    replay: (em, id) => em.findOneByOrFail(Demand, { id }),
    create: async (em) => {
      const demand: Demand = {
        id: randomUUID(), ref: formatDemandRef(year, counterKey[0], await nextNumber(em, 'demand_counter', counterKey)), title, description, divisionCode,
        status: 'ORDERED', version: 1, orderedBy: a.actor, orderedAt: a.now,
        openedAt: null, takenAt: null, doneAt: null, deliberatedAt: null, result: null, scores: null,
      };
      await em.insert(Demand, demand);
      await appendDemandEvent(em, a, demand.id, 1, 'ORDER', null, 'ORDERED', null);
      return demand;
    },
  });
}

interface DemandChange {
  patch: Partial<Demand>;
  action: string;
  note: string | null;
  also?: () => Promise<unknown>;
}

/**
 * A demand's versioned step, as applyStep is an issue's: in one transaction, read the demand and
 * its takers, check the caller's access (FORBIDDEN), the expected version (CONFLICT) and the step
 * table (INVALID_TRANSITION), then the versioned UPDATE (zero rows: CONFLICT) and its event.
 */
function applyDemandStep(a: Actor, id: string, expectedVersion: number, step: DemandStep, plan: (d: Demand, em: EntityManager, takers: DemandTaker[]) => DemandChange) {
  return transaction(a.ds, async (em) => {
    const demand = await em.findOneBy(Demand, { id });
    if (!demand) throw notFound('Demand', id, 'id');
    const takers = await em.find(DemandTaker, { where: { demandId: id }, order: { seq: 'ASC' } });
    a.authorize?.(step, { divisionCode: demand.divisionCode, reportedBy: demand.orderedBy, takers });
    requireVersion('Demand', demand, expectedVersion);
    checkDemandStep(step, demand.status);
    const change = plan(demand, em, takers);
    const from = demand.status;
    const to = demandSteps[step].to[0];
    const changed = await updateVersioned(em, Demand, demand, { ...change.patch, status: to });
    if (!changed) throw conflict(`Demand ${demand.ref} was changed meanwhile; reload it`, 'expectedVersion');
    await change.also?.();
    await appendDemandEvent(em, a, id, changed.version, change.action, from, to, change.note);
    return changed;
  });
}

/** 开单: ORDERED -> OPENED. */
export const openDemand = (a: Actor, id: string, expectedVersion: number) =>
  applyDemandStep(a, id, expectedVersion, 'openDemand', () => ({ patch: { openedAt: a.now }, action: 'OPEN', note: null }));

/**
 * 接单: a department (that serves a division covering the demand's) and/or a cadre (that exists)
 * takes it; more may join while it is TAKEN, none twice.
 */
export async function takeDemand(a: Actor, id: string, expectedVersion: number, departmentId: string | null, cadreId: string | null) {
  if (!departmentId && !cadreId) throw badInput('departmentId', 'give departmentId, cadreId or both');
  const serves = departmentId ? await a.owners?.departmentDivision(departmentId, 'departmentId') : undefined;
  if (cadreId) await a.requireExisting?.([{ type: 'Cadre', id: cadreId, field: 'cadreId' }]);
  return applyDemandStep(a, id, expectedVersion, 'takeDemand', (demand, em, takers) => {
    if (departmentId) requireServes(serves, departmentId, demand);
    if (takers.some((t) => t.departmentId === departmentId && t.cadreId === cadreId)) {
      throw conflict(`${joinNote(departmentId, cadreId)} already took ${demand.ref}`, departmentId ? 'departmentId' : 'cadreId');
    }
    const taker: DemandTaker = { id: randomUUID(), demandId: id, seq: demand.version + 1, departmentId, cadreId, at: a.now };
    const remember = departmentId ? rememberDepartment(em, departmentId, serves) : undefined;
    return {
      patch: { takenAt: demand.takenAt ?? a.now },
      action: 'TAKE',
      note: [departmentId, cadreId].filter(Boolean).join(', '),
      also: async () => {
        await em.insert(DemandTaker, taker);
        await remember?.();
      },
    };
  });
}

/** The ids takeDemand names: optional, trimmed. */
export const takerArgs = (departmentId?: string | null, cadreId?: string | null) => ({
  departmentId: optionalId(departmentId, 'departmentId'),
  cadreId: optionalId(cadreId, 'cadreId'),
});

/** 办结: TAKEN -> DONE, with what was done. */
export function completeDemand(a: Actor, id: string, expectedVersion: number, result: string) {
  const text = requireText(result, 'result', NOTE_MAX);
  return applyDemandStep(a, id, expectedVersion, 'completeDemand', () => ({ patch: { doneAt: a.now, result: text }, action: 'COMPLETE', note: text }));
}

/** 议单: DONE -> DELIBERATED, with residents' scores (1 to MAX_SCORES of them, each 1..5). */
export function deliberateDemand(a: Actor, id: string, expectedVersion: number, scores: readonly number[]) {
  if (!scores.length || scores.length > MAX_SCORES) throw badInput('scores', `scores must hold 1 to ${MAX_SCORES} scores`);
  if (!scores.every((s) => Number.isInteger(s) && s >= 1 && s <= 5)) throw badInput('scores', 'each score must be an integer from 1 to 5');
  const summary = deliberationOf([...scores])!;
  return applyDemandStep(a, id, expectedVersion, 'deliberateDemand', () => ({
    patch: { deliberatedAt: a.now, scores: [...scores] },
    action: 'DELIBERATE',
    note: `${summary.count} scores, average ${summary.average!.toFixed(2)}`,
  }));
}

/** Demand.deliberation: the 双评 summary of the scores (satisfactionRate: the share of 4 and 5). */
export function deliberationOf(scores: number[] | null) {
  if (!scores) return null;
  const count = scores.length;
  return {
    count,
    average: count ? scores.reduce((x, y) => x + y, 0) / count : null,
    satisfactionRate: count ? scores.filter((s) => s >= 4).length / count : null,
  };
}
