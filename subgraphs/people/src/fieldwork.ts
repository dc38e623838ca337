// Field work (issue 12): first secretaries (第一书记), their stationing days and assessments, and
// 实事 pledges led by named cadres. Who may do what: access.ts.
import { randomUUID } from 'node:crypto';
import {
  badInput,
  bySubtree,
  conflict,
  createOnceFor,
  divisionOf,
  forbidden,
  groupedConnectionLoaders,
  groupLoader,
  idempotencyKeyArg,
  insertUnique,
  invalidTransition,
  loadOrNull,
  notFound,
  pageOf,
  parseDivisionCode,
  requireText,
  requireVersion,
  rowsByKey,
  subtreeRange,
  today,
  transaction,
  updateVersioned,
  valueLoader,
  type Connection,
  type PageArgs,
  type SubgraphContext,
} from '@cadres/kit';
import { In } from 'typeorm';
import { cadreSeenSql, mayRead, mayReadAt, requireMaySetPledgeStatus, requireMayWrite, requireWriteScope, servesSubtree, visitPlace, visitScopeSql } from './access';
import { periodOf } from './activity';
import { Assessment, Liaison, Pledge, type PledgeStatus } from './entities';
import type { MutationAssessFirstSecretaryArgs, MutationCreatePledgeArgs, MutationSetPledgeStatusArgs } from './generated/graphql';
import { cadreById, departmentById } from './loaders';
import { visibleCadre } from './visible';

// ------------------------------------------------------------------ first secretaries

/**
 * Division.firstSecretaries: active FIRST_SECRETARY links to the villages and communities of
 * each subtree (key: the code's prefix), by village code, then oldest first; only those whose
 * cadre the viewer sees (a link goes with its cadre), in SQL so that totalCount is exact. One
 * statement (and one count) per batch of subtrees of one level.
 */
export function firstSecretaries(ctx: SubgraphContext, args: PageArgs & { includeEnded?: boolean | null }) {
  const page = pageOf(args);
  const where = ["t.role = 'FIRST_SECRETARY'", "t.targetType = 'Division'"];
  const params: unknown[] = [];
  if (!args.includeEnded) (where.push('(t.until IS NULL OR t.until > ?)'), params.push(today(ctx)));
  const seen = cadreSeenSql(ctx.viewer, 't.cadreId');
  if (seen) (where.push(seen.sql), params.push(...seen.params));
  return ctx.loaders.get(`firstSecretaries:${Boolean(args.includeEnded)}:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(ctx.ds, { entity: Liaison, orderBy: 't.divisionCode, t.since, t.id', where: where.join(' AND '), params }, page, bySubtree('divisionCode')),
  );
}

export const divisionPrefix = (code: string) => parseDivisionCode(code)!.prefix;

/**
 * Cadre.stationedDays: the days of its STATIONED visits (each `days` long from its date) that
 * fall in the period, counting only visits lying in the viewer's scope. One statement per batch
 * of cadres: the visits that may reach into the period (starting up to 365 days before it), the
 * overlap worked out here (dates are text; a visit lasts at most 366 days).
 */
export async function stationedDays(ctx: SubgraphContext, cadreId: string, args: { campaignId?: string | null; from?: string | null; to?: string | null }): Promise<number> {
  if (!mayRead(ctx.viewer)) return 0;
  const period = await periodOf(ctx, args);
  const loader = ctx.loaders.get(`stationedDays:${period.from}:${period.to}`, () =>
    valueLoader(async (ids: string[]) => {
      const scope = visitScopeSql(ctx.viewer, 'v');
      const rows: { cadreId: string; date: string; days: unknown }[] = await ctx.ds.query(
        `SELECT vc.cadreId AS cadreId, v.date AS date, v.days AS days FROM visit_cadre vc JOIN visit v ON v.id = vc.visitId` +
          ` WHERE vc.cadreId IN (${ids.map(() => '?').join(', ')}) AND vc.date >= ? AND vc.date <= ? AND v.kind = 'STATIONED'` +
          (scope ? ` AND ${scope.sql}` : ''),
        [...ids, addDays(period.from, -366), period.to, ...(scope?.params ?? [])],
      );
      const out = new Map<string, number>();
      for (const r of rows) {
        const last = addDays(r.date, Number(r.days) - 1);
        const lo = r.date > period.from ? r.date : period.from;
        const hi = last < period.to ? last : period.to;
        if (hi >= lo) out.set(r.cadreId, (out.get(r.cadreId) ?? 0) + daysBetween(lo, hi) + 1);
      }
      return out;
    }, 0),
  );
  return loader.load(cadreId);
}

const DAY = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/** "2026", "2026-H1", "2026-Q3" or "2026-05". */
const PERIOD = /^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** Liaison.assessments: one statement per request for any number of links, by period (oldest first). */
export const assessmentsOf = (ctx: SubgraphContext) =>
  ctx.loaders.get('assessmentsOf', () =>
    groupLoader(
      (ids: string[]) => ctx.ds.getRepository(Assessment).find({ where: { liaisonId: In(ids) }, order: { period: 'ASC', id: 'ASC' } }),
      (a) => a.liaisonId,
    ),
  );

/**
 * assessFirstSecretary: ADMIN, for a FIRST_SECRETARY link (active or ended) lying in its scope.
 * One per link and period: the unique index refuses a second, also a concurrent one (CONFLICT).
 */
export async function assessFirstSecretary(ctx: SubgraphContext, args: MutationAssessFirstSecretaryArgs): Promise<Assessment> {
  requireMayWrite(ctx, 'assessFirstSecretary');
  if (!PERIOD.test(args.period)) throw badInput('period', `period must be a year (2026), a half (2026-H1), a quarter (2026-Q1) or a month (2026-05), got "${args.period}"`);
  if (!Number.isInteger(args.score) || args.score < 1 || args.score > 100) throw badInput('score', 'score must be a whole number from 1 to 100');
  const comment = args.comment == null ? null : requireText(args.comment, 'comment', 2000);
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { liaisonId: args.liaisonId, period: args.period, score: args.score, comment };
  const taken = () => conflict(`Liaison ${args.liaisonId} already has an assessment for ${args.period}`, 'period');
  return createOnceFor(ctx, { operation: 'assessFirstSecretary', key, input }, {
    replay: (em, id) => em.findOneByOrFail(Assessment, { id }),
    create: async (em) => {
      const liaison = await em.findOneBy(Liaison, { id: args.liaisonId });
      if (!liaison) throw notFound('Liaison', args.liaisonId, 'liaisonId');
      requireWriteScope(ctx, visitPlace(liaison), 'liaisonId');
      if (liaison.role !== 'FIRST_SECRETARY') throw badInput('liaisonId', `Liaison ${liaison.id} is a ${liaison.role} link, not a first secretary's`);
      if (await em.existsBy(Assessment, { liaisonId: liaison.id, period: args.period })) throw taken();
      const row = em.create(Assessment, { id: randomUUID(), ...input, assessedBy: ctx.viewer.sub, at: ctx.now() });
      return insertUnique(em, Assessment, row, taken);
    },
  });
}

// ------------------------------------------------------------------ pledges (实事)

export const pledgeById = (ctx: SubgraphContext) => rowsByKey(ctx, Pledge, 'id');

/** A pledge is seen where it lies (its division); its lead cadre serves there, so whoever sees it sees the cadre. */
export const visiblePledge = (ctx: SubgraphContext, p: Pledge | null) => (p && mayReadAt(ctx.viewer, p.divisionCode) ? p : null);

/** Division.pledges: pledge pages of many subtrees (key: the code's prefix), by target date then id, optionally of one status. */
export function pledgesIn(ctx: SubgraphContext, args: PageArgs & { status?: PledgeStatus | null }) {
  const page = pageOf(args);
  const status = args.status ?? null;
  return ctx.loaders.get(`pledgesIn:${status}:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(
      ctx.ds,
      { entity: Pledge, orderBy: 't.targetDate, t.id', ...(status ? { where: 't.status = ?', params: [status] } : {}) },
      page,
      bySubtree('divisionCode'),
    ),
  );
}

/** Cadre.pledges: those it leads lying in the viewer's scope, by target date then id; one statement per batch of cadres. */
export function pledgesOfCadre(ctx: SubgraphContext, cadreId: string): Promise<Pledge[]> | null {
  if (!mayRead(ctx.viewer)) return null;
  const scope = ctx.viewer.scope ? subtreeRange(ctx.viewer.scope) : null;
  return ctx.loaders
    .get('pledgesOfCadre', () =>
      groupLoader(
        (ids: string[]) => {
          const q = ctx.ds.getRepository(Pledge).createQueryBuilder('p').where('p.leadCadreId IN (:...ids)', { ids });
          if (scope) q.andWhere('p.divisionCode >= :lo AND p.divisionCode < :hi', scope);
          return q.orderBy('p.targetDate').addOrderBy('p.id').getMany();
        },
        (p: Pledge) => p.leadCadreId,
      ),
    )
    .load(cadreId);
}

export type PledgeConnection = Connection<Pledge>;

/** The moves a pledge may make: PLANNED to ONGOING (常态化) or DONE, ONGOING to DONE; DONE is final. */
const pledgeMoves: Record<PledgeStatus, PledgeStatus[]> = { PLANNED: ['ONGOING', 'DONE'], ONGOING: ['DONE'], DONE: [] };

/**
 * createPledge: ADMIN, for a division (any level) that exists and lies in its scope, led by a cadre
 * it sees whose department serves the division (lies in it, or above it): BAD_USER_INPUT otherwise.
 */
export async function createPledge(ctx: SubgraphContext, args: MutationCreatePledgeArgs): Promise<Pledge> {
  requireMayWrite(ctx, 'createPledge');
  const title = requireText(args.title, 'title', 200);
  if (!parseDivisionCode(args.divisionCode)) throw badInput('divisionCode', `divisionCode must be a valid 12-digit division code, got "${args.divisionCode}"`);
  requireWriteScope(ctx, args.divisionCode, 'divisionCode');
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { title, divisionCode: args.divisionCode, leadCadreId: args.leadCadreId, targetDate: args.targetDate };
  return createOnceFor(ctx, { operation: 'createPledge', key, input }, {
    prepare: async () => {
      // Cadres and departments are never deleted nor moved, so these checks may run before the transaction.
      const cadre = await loadOrNull(cadreById(ctx), args.leadCadreId);
      if (!cadre) throw notFound('Cadre', args.leadCadreId, 'leadCadreId');
      if (!(await visibleCadre(ctx, cadre))) throw forbidden(`Cadre ${cadre.id} lies outside the caller's scope ${ctx.viewer.scope}`, 'leadCadreId');
      const department = await departmentById(ctx).load(cadre.departmentId);
      if (!servesSubtree(department.divisionCode, args.divisionCode)) {
        throw badInput('leadCadreId', `Cadre ${cadre.id}'s department serves ${department.divisionCode}, not ${args.divisionCode}`);
      }
      await divisionOf(ctx, 'Division', args.divisionCode, 'divisionCode');
    },
    replay: (em, id) => em.findOneByOrFail(Pledge, { id }),
    create: async (em) => {
      const pledge = em.create(Pledge, { id: randomUUID(), ...input, status: 'PLANNED', startedOn: today(ctx), ongoingOn: null, doneOn: null, version: 1 });
      await em.insert(Pledge, pledge);
      return pledge;
    },
  });
}

/** setPledgeStatus: ADMIN in scope or the lead cadre (access.ts), versioned, along pledgeMoves. */
export async function setPledgeStatus(ctx: SubgraphContext, args: MutationSetPledgeStatusArgs): Promise<Pledge> {
  const rule = requireMayWrite(ctx, 'setPledgeStatus');
  return transaction(ctx.ds, async (em) => {
    const pledge = await em.findOneBy(Pledge, { id: args.id });
    if (!pledge) throw notFound('Pledge', args.id, 'id');
    requireMaySetPledgeStatus(ctx, rule, pledge);
    requireVersion('Pledge', pledge, args.expectedVersion);
    const allowed = pledgeMoves[pledge.status];
    if (!allowed.includes(args.status)) throw invalidTransition(`A ${pledge.status} pledge cannot become ${args.status}`, pledge.status, allowed);
    const on = today(ctx);
    const changed = await updateVersioned(em, Pledge, pledge, { status: args.status, ...(args.status === 'DONE' ? { doneOn: on } : { ongoingOn: on }) });
    if (!changed) throw conflict(`Pledge ${pledge.id} changed meanwhile`, 'expectedVersion');
    return changed;
  });
}
