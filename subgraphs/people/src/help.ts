// Help and outreach records (帮扶): what a cadre did beyond a visit. They feed the activity figures (activity.ts).
import { randomUUID } from 'node:crypto';
import {
  badInput,
  byColumn,
  createOnceFor,
  groupedConnectionLoaders,
  idempotencyKeyArg,
  loadOrNull,
  notFound,
  pageOf,
  requireText,
  rowsByKey,
  today,
  type Connection,
  type PageArgs,
  type SubgraphContext,
} from '@cadres/kit';
import type { GraphQLError } from 'graphql';
import { helpRecordScopeSql, mayRead, mayReadAt, requireMayRecordHelp, requireMayWrite, requireWriteScope } from './access';
import { HelpRecord, type Cadre, type Department } from './entities';
import type { MutationRecordHelpArgs } from './generated/graphql';
import { cadreById, departmentById } from './loaders';
import { checkLocalTarget, checkRemoteTarget, requireTargetType, type CheckedTarget } from './targets';
import { visibleCadre } from './visible';

const MAX_COUNT = 1_000_000;
/** 10,000,000 yuan in fen: well inside a 32-bit INT column. */
const MAX_FEN = 1_000_000_000;

export const helpRecordById = (ctx: SubgraphContext) => rowsByKey(ctx, HelpRecord, 'id');

/** A help record is seen where it lies, with its cadre (a record goes with its cadre, as a link does). */
export async function visibleHelpRecord(ctx: SubgraphContext, h: HelpRecord | null): Promise<HelpRecord | null> {
  if (!h || !mayReadAt(ctx.viewer, h.divisionCode)) return null;
  return (await visibleCadre(ctx, await loadOrNull(cadreById(ctx), h.cadreId))) ? h : null;
}

function requireCount(value: number | null | undefined, field: string): number {
  const n = value ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT) throw badInput(field, `${field} must be a whole number from 0 to ${MAX_COUNT}`);
  return n;
}

/** Yuan with at most 2 decimals, as whole fen. */
export function fenOf(value: number | null | undefined, field: string): number {
  const yuan = value ?? 0;
  const fen = Math.round(yuan * 100);
  if (!Number.isFinite(yuan) || yuan < 0 || fen > MAX_FEN) throw badInput(field, `${field} must be from 0 to ${MAX_FEN / 100} yuan`);
  // 0.29 * 100 is 28.999999999999996: a float's error is far below a tenth of a fen.
  if (Math.abs(yuan * 100 - fen) > 1e-6) throw badInput(field, `${field} has at most 2 decimals (fen)`);
  return fen;
}

/** Errors of the shared target checks name `targetId`; here the argument is `input.targetId`. */
async function inInput<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (e) {
    const ext = (e as GraphQLError).extensions as Record<string, unknown> | undefined;
    if (ext && typeof ext.field === 'string' && !ext.field.startsWith('input.')) ext.field = `input.${ext.field}`;
    throw e;
  }
}

/**
 * recordHelp: a CADRE for itself, ADMIN for any cadre it sees (access.ts). The target, if any,
 * must exist and lie in scope; the record lies at the target's division (a district or township
 * target: that code), else at the cadre's department's, and that place must lie in scope too.
 */
export async function recordHelp(ctx: SubgraphContext, { input }: MutationRecordHelpArgs): Promise<HelpRecord> {
  const rule = requireMayWrite(ctx, 'recordHelp');
  if (input.date > today(ctx)) throw badInput('input.date', `input.date ${input.date} is in the future`);
  if ((input.targetType == null) !== (input.targetId == null)) {
    throw badInput(input.targetType == null ? 'input.targetType' : 'input.targetId', 'input.targetType and input.targetId go together');
  }
  const type = input.targetType == null ? null : await inInput(async () => requireTargetType(input.targetType!));
  const row = {
    date: input.date,
    cadreId: input.cadreId,
    targetType: type,
    targetId: input.targetId ?? null,
    peopleHelped: requireCount(input.peopleHelped, 'input.peopleHelped'),
    fundsFen: fenOf(input.funds, 'input.funds'),
    contactCards: requireCount(input.contactCards, 'input.contactCards'),
    researchReports: requireCount(input.researchReports, 'input.researchReports'),
    note: input.note == null ? null : requireText(input.note, 'input.note', 2000),
  };
  const key = idempotencyKeyArg(input.idempotencyKey, 'input.idempotencyKey');
  return createOnceFor(ctx, { operation: 'recordHelp', key, input: row, field: 'input.idempotencyKey' }, {
    prepare: async () => {
      const cadre = await loadOrNull(cadreById(ctx), input.cadreId);
      if (!cadre) throw notFound('Cadre', input.cadreId, 'input.cadreId');
      // Cadres and departments are never deleted, so these checks may run before the transaction.
      const department = (await departmentById(ctx).load(cadre.departmentId)) as Department;
      requireMayRecordHelp(ctx, rule, { id: cadre.id, departmentDivision: department.divisionCode });
      const target = type && (await inInput(() => checkRemoteTarget(ctx, type, input.targetId!, { grassrootsOnly: false })));
      return { cadre, department, target };
    },
    replay: (em, id) => em.findOneByOrFail(HelpRecord, { id }),
    create: async (em, { department, target }: { cadre: Cadre; department: Department; target: CheckedTarget | null }) => {
      const checked = target && (await inInput(() => checkLocalTarget(ctx, em, target)));
      const divisionCode = checked?.divisionCode ?? (checked?.type === 'Division' ? checked.id : null) ?? department.divisionCode;
      requireWriteScope(ctx, divisionCode, checked ? 'input.targetId' : 'input.cadreId');
      const record = em.create(HelpRecord, { id: randomUUID(), ...row, targetId: checked?.id ?? null, divisionCode });
      await em.insert(HelpRecord, record);
      return record;
    },
  });
}

export type HelpArgs = PageArgs & { from?: string | null; to?: string | null };

/** Help record pages of many cadres, newest first, in the viewer's scope, for one (from, to, first, after): one statement (and one count). */
export function helpRecordsOfCadre(ctx: SubgraphContext, args: HelpArgs) {
  const page = pageOf(args);
  const where: string[] = [];
  const params: string[] = [];
  if (args.from) (where.push('t.date >= ?'), params.push(args.from));
  if (args.to) (where.push('t.date <= ?'), params.push(args.to));
  const scope = helpRecordScopeSql(ctx.viewer, 't');
  if (scope) (where.push(scope.sql), params.push(...scope.params));
  const rows = ctx.loaders.get(`helpRecordsOfCadre:${args.from}:${args.to}:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(
      ctx.ds,
      { entity: HelpRecord, orderBy: 't.date DESC, t.id DESC', ...(where.length ? { where: where.join(' AND '), params } : {}) },
      page,
      byColumn('cadreId'),
    ),
  );
  return (cadreId: string): Promise<Connection<HelpRecord>> =>
    mayRead(ctx.viewer) ? rows.load(cadreId) : Promise.resolve({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
}
