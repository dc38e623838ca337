import { randomUUID } from 'node:crypto';
import {
  badInput,
  conflict,
  createOnceFor,
  forbidden,
  idempotencyKeyArg,
  loadOrNull,
  notFound,
  pageOf,
  requireDivisionCode,
  requireExisting,
  requireText,
  requireVersion,
  searchPattern,
  subtreeRange,
  toConnection,
  transaction,
  updateVersioned,
  type SubgraphContext,
} from '@cadres/kit';
import type { EntityManager } from 'typeorm';
import { departmentScopeSql, mayRead, requireMayWrite, requireWriteScope } from './access';
import { Department } from './entities';
import type { MutationRegisterDepartmentArgs, MutationUpdateDepartmentArgs, QueryDepartmentsArgs } from './generated/graphql';
import { cadreById } from './loaders';
import { visibleCadre } from './visible';

/** Query.departments: those lying in the subtree, of the ones the viewer sees (access.ts), by id. */
export async function departments(ctx: SubgraphContext, args: QueryDepartmentsArgs) {
  const page = pageOf(args);
  if (!mayRead(ctx.viewer)) return toConnection([], page, 0);
  const q = ctx.ds.getRepository(Department).createQueryBuilder('d');
  if (args.divisionCode != null) {
    const { lo, hi } = subtreeRange(requireDivisionCode(args.divisionCode, 'divisionCode').code);
    q.andWhere('d.divisionCode >= :lo AND d.divisionCode < :hi', { lo, hi });
  }
  const scope = departmentScopeSql(ctx.viewer, 'd');
  if (scope) q.andWhere(scope.sql, scope.params);
  const search = searchPattern(args.search);
  if (search) q.andWhere("d.name LIKE :search ESCAPE '!'", { search });
  const rows = await q.clone().orderBy('d.id').offset(page.offset).limit(page.limit + 1).getMany();
  return toConnection(rows, page, () => q.getCount());
}

/** Departments serve a city, district or township (townships run their own cadres). */
function requireUnitDivision(code: string): string {
  const info = requireDivisionCode(code, 'divisionCode');
  if (!['CITY', 'DISTRICT', 'TOWNSHIP'].includes(info.level)) {
    throw badInput('divisionCode', `a department serves a city, district or township, and ${code} is a ${info.level.toLowerCase()}`);
  }
  return info.code;
}

/** The leader must be a cadre the caller sees (every stored id exists and lies in scope). */
async function requireLeader(ctx: SubgraphContext, leaderCadreId: string | null | undefined): Promise<string | null> {
  if (leaderCadreId == null) return null;
  const cadre = await loadOrNull(cadreById(ctx), leaderCadreId);
  if (!cadre) throw notFound('Cadre', leaderCadreId, 'leaderCadreId');
  if (!(await visibleCadre(ctx, cadre))) throw forbidden(`Cadre ${cadre.id} lies outside the caller's scope ${ctx.viewer.scope}`, 'leaderCadreId');
  return cadre.id;
}

async function requireUniqueName(em: EntityManager, divisionCode: string, name: string, except?: string): Promise<void> {
  const twin = await em.findOneBy(Department, { divisionCode, name });
  if (twin && twin.id !== except) throw conflict(`Department "${name}" already exists in ${divisionCode} (${twin.id})`, 'name');
}

export async function registerDepartment(ctx: SubgraphContext, args: MutationRegisterDepartmentArgs): Promise<Department> {
  requireMayWrite(ctx, 'registerDepartment');
  const name = requireText(args.name, 'name', 100);
  const divisionCode = requireUnitDivision(args.divisionCode);
  requireWriteScope(ctx, divisionCode, 'divisionCode');
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { name, divisionCode, leaderCadreId: args.leaderCadreId ?? null };
  return createOnceFor(ctx, { operation: 'registerDepartment', key, input }, {
    prepare: async () => {
      await requireExisting(ctx, [{ type: 'Division', id: divisionCode, field: 'divisionCode' }]);
      return requireLeader(ctx, args.leaderCadreId);
    },
    replay: (em, id) => em.findOneByOrFail(Department, { id }),
    create: async (em, leaderCadreId) => {
      await requireUniqueName(em, divisionCode, name);
      const department = em.create(Department, { id: randomUUID(), name, divisionCode, leaderCadreId, version: 1 });
      await em.insert(Department, department);
      return department;
    },
  });
}

export async function updateDepartment(ctx: SubgraphContext, args: MutationUpdateDepartmentArgs): Promise<Department> {
  requireMayWrite(ctx, 'updateDepartment');
  const name = args.name == null ? undefined : requireText(args.name, 'name', 100);
  const leaderCadreId = args.leaderCadreId === undefined ? undefined : await requireLeader(ctx, args.leaderCadreId);
  return transaction(ctx.ds, async (em) => {
    const department = await em.findOneBy(Department, { id: args.id });
    if (!department) throw notFound('Department', args.id, 'id');
    requireWriteScope(ctx, department.divisionCode, 'id');
    requireVersion('Department', department, args.expectedVersion);
    if (name !== undefined) await requireUniqueName(em, department.divisionCode, name, department.id);
    const patch: Partial<Department> = {};
    if (name !== undefined) patch.name = name;
    if (leaderCadreId !== undefined) patch.leaderCadreId = leaderCadreId;
    const changed = await updateVersioned(em, Department, department, patch);
    if (!changed) throw conflict(`Department ${department.id} changed meanwhile`, 'expectedVersion');
    return changed;
  });
}
