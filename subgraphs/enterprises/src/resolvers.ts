import { randomUUID } from 'node:crypto';
import {
  badInput,
  conflict,
  loadOrNull,
  pageOf,
  parseDivisionCode,
  requireDivisionCode,
  requireText,
  subtreeRange,
  toConnection,
  transaction,
  validateCreditCode,
  type PageArgs,
  type Resolvers,
  type SubgraphContext,
} from '@cadres/kit';
import { Enterprise } from './entities';
import { enterpriseByCreditCode, enterpriseById, enterprisesIn } from './loaders';

type EnterprisesArgs = PageArgs & {
  divisionCode?: string | null;
  category?: string | null;
  search?: string | null;
};

interface RegisterEnterpriseArgs {
  creditCode: string;
  name: string;
  category: Enterprise['category'];
  divisionCode: string;
  industry?: string | null;
  employees?: number | null;
}

/** `%text%` for LIKE … ESCAPE '!' ('!' rather than a backslash, which MySQL string literals eat). */
const likePattern = (text: string) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

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

/** Unique-key violations, as the two drivers report them. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  const code = err.driverError?.code ?? err.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

async function enterprises(ctx: SubgraphContext, args: EnterprisesArgs) {
  const page = pageOf(args);
  const q = ctx.ds.getRepository(Enterprise).createQueryBuilder('e');
  if (args.divisionCode != null) {
    requireDivisionCode(args.divisionCode, 'divisionCode');
    const { lo, hi } = subtreeRange(args.divisionCode);
    q.andWhere('e.divisionCode >= :lo AND e.divisionCode < :hi', { lo, hi });
  }
  if (args.category) q.andWhere('e.category = :category', { category: args.category });
  if (args.search?.trim()) q.andWhere("e.name LIKE :search ESCAPE '!'", { search: likePattern(args.search.trim()) });
  const rows = await q.clone().orderBy('e.id').offset(page.offset).limit(page.limit + 1).getMany();
  return toConnection(rows, page, () => q.getCount());
}

function enterprise(ctx: SubgraphContext, args: { id?: string | null; creditCode?: string | null }) {
  if ((args.id == null) === (args.creditCode == null)) {
    throw badInput(args.id == null ? 'id' : 'creditCode', 'give exactly one of id and creditCode');
  }
  if (args.id != null) return loadOrNull(enterpriseById(ctx), args.id);
  return loadOrNull(enterpriseByCreditCode(ctx), requireCreditCode(args.creditCode!));
}

async function registerEnterprise(ctx: SubgraphContext, args: RegisterEnterpriseArgs): Promise<Enterprise> {
  const creditCode = requireCreditCode(args.creditCode);
  const name = requireText(args.name, 'name', 200);
  requireDivisionCode(args.divisionCode, 'divisionCode');
  const industry = args.industry == null ? null : requireText(args.industry, 'industry', 50);
  if (args.employees != null && args.employees < 0) throw badInput('employees', 'employees must not be negative');
  const duplicate = () => conflict(`an enterprise with credit code ${creditCode} is already registered`, 'creditCode');
  return transaction(ctx.ds, async (em) => {
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
    try {
      await em.insert(Enterprise, row);
    } catch (e) {
      // Two registrations racing past the check above: the unique index decides.
      if (isUniqueViolation(e)) throw duplicate();
      throw e;
    }
    return row;
  });
}

/** A division stub: only its code, which carries the hierarchy. */
const divisionRef = (code: string) => ({ code });

export const resolvers: Resolvers = {
  Query: {
    enterprise: (_: unknown, args: { id?: string | null; creditCode?: string | null }, ctx: SubgraphContext) =>
      enterprise(ctx, args),
    enterprises: (_: unknown, args: EnterprisesArgs, ctx: SubgraphContext) => enterprises(ctx, args),
  },
  Mutation: {
    registerEnterprise: (_: unknown, args: RegisterEnterpriseArgs, ctx: SubgraphContext) => registerEnterprise(ctx, args),
  },
  Division: {
    __resolveReference: ({ code }: { code: string }) => divisionRef(code),
    enterprises: (d: { code: string }, args: PageArgs & { category?: string | null }, ctx: SubgraphContext) => {
      const info = parseDivisionCode(d.code);
      if (!info) return toConnection([], pageOf(args), 0);
      return enterprisesIn(ctx, args).load(info.prefix);
    },
  },
  Enterprise: {
    __resolveReference: (ref: { id?: string; creditCode?: string }, ctx: SubgraphContext) =>
      ref.id != null
        ? loadOrNull(enterpriseById(ctx), ref.id)
        : loadOrNull(enterpriseByCreditCode(ctx), String(ref.creditCode)),
    division: (e: Enterprise) => divisionRef(e.divisionCode),
  },
};
