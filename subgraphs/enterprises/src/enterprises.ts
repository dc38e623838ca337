// Enterprises (企业): lookups, the list with its search, and registration.
import { randomUUID } from 'node:crypto';
import {
  badInput,
  conflict,
  createOnceFor,
  idempotencyKeyArg,
  insertUnique,
  loadOrNull,
  pageOf,
  requireDivisionCode,
  requireExisting,
  requireText,
  searchPattern,
  subtreeRange,
  toConnection,
  validateCreditCode,
  type SubgraphContext,
} from '@cadres/kit';
import { readableRange, requireWrite, requireWriteScope, visibleEnterprise } from './access';
import { Enterprise } from './entities';
import type { MutationRegisterEnterpriseArgs, QueryEnterpriseArgs, QueryEnterprisesArgs } from './generated/graphql';
import { enterpriseByCreditCode, enterpriseById } from './loaders';

/**
 * A credit code argument: trimmed and upper-cased (people type them in lower case), then
 * checked against GB 32100 (length, alphabet without I O S V Z, check character).
 */
export function requireCreditCode(raw: string, field = 'creditCode'): string {
  const code = raw.trim().toUpperCase();
  const problem = validateCreditCode(code);
  if (problem) throw badInput(field, `${field} is not a valid unified social credit code (GB 32100): ${problem}`);
  return code;
}

export async function enterprises(ctx: SubgraphContext, args: QueryEnterprisesArgs) {
  const page = pageOf(args);
  if (args.divisionCode != null) requireDivisionCode(args.divisionCode, 'divisionCode');
  const readable = readableRange(ctx.viewer);
  if (readable === 'none') return toConnection([], page, 0);
  const q = ctx.ds.getRepository(Enterprise).createQueryBuilder('e');
  if (readable !== 'all') q.andWhere('e.divisionCode >= :slo AND e.divisionCode < :shi', { slo: readable.lo, shi: readable.hi });
  if (args.divisionCode != null) {
    const { lo, hi } = subtreeRange(args.divisionCode);
    q.andWhere('e.divisionCode >= :lo AND e.divisionCode < :hi', { lo, hi });
  }
  if (args.category) q.andWhere('e.category = :category', { category: args.category });
  const search = searchPattern(args.search);
  if (search) q.andWhere("e.name LIKE :search ESCAPE '!'", { search });
  const rows = await q.clone().orderBy('e.id').offset(page.offset).limit(page.limit + 1).getMany();
  return toConnection(rows, page, () => q.getCount());
}

export async function enterprise(ctx: SubgraphContext, args: QueryEnterpriseArgs) {
  if ((args.id == null) === (args.creditCode == null)) {
    throw badInput(args.id == null ? 'id' : 'creditCode', 'give exactly one of id and creditCode');
  }
  const found = args.id != null
    ? await loadOrNull(enterpriseById(ctx), args.id)
    : await loadOrNull(enterpriseByCreditCode(ctx), requireCreditCode(args.creditCode!));
  return visibleEnterprise(ctx.viewer, found);
}

export async function registerEnterprise(ctx: SubgraphContext, args: MutationRegisterEnterpriseArgs): Promise<Enterprise> {
  requireWrite(ctx.viewer, 'registerEnterprise');
  const creditCode = requireCreditCode(args.creditCode);
  const name = requireText(args.name, 'name', 200);
  requireDivisionCode(args.divisionCode, 'divisionCode');
  requireWriteScope(ctx.viewer, args.divisionCode, 'divisionCode');
  const industry = args.industry == null ? null : requireText(args.industry, 'industry', 50);
  if (args.employees != null && args.employees < 0) throw badInput('employees', 'employees must not be negative');
  const duplicate = () => conflict(`an enterprise with credit code ${creditCode} is already registered`, 'creditCode');
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { creditCode, name, category: args.category, divisionCode: args.divisionCode, industry, employees: args.employees ?? null };
  return createOnceFor(ctx, { operation: 'registerEnterprise', key, input }, {
    // Places is asked only by a first attempt: a retry the record answers works while places is down.
    prepare: () => requireExisting(ctx, [{ type: 'Division', id: args.divisionCode, field: 'divisionCode' }]),
    replay: (em, id) => em.findOneByOrFail(Enterprise, { id }),
    create: async (em) => {
      if (await em.existsBy(Enterprise, { creditCode })) throw duplicate();
      const row = em.create(Enterprise, {
        id: randomUUID(),
        creditCode,
        name,
        category: args.category,
        industry,
        employees: args.employees ?? null,
        divisionCode: args.divisionCode,
        version: 1,
      });
      // Two registrations racing past the check above: the unique index decides.
      return insertUnique(em, Enterprise, row, duplicate);
    },
  });
}
