import { badInput, countByGroup, parseDivisionCode, sliceConnection, subtreeGroups, today, valueLoader, type SubgraphContext } from '@cadres/kit';
import type { PeopleConfig } from './config';
import { Household } from './entities';
import type { DivisionCoverageArgs, Resolvers } from './generated/graphql';

/**
 * Division.coverage: the subtree against the campaign rules (两个全覆盖 and the quotas).
 *
 * Why @requires: people does not own the list of divisions. It knows the villages and
 * communities that have links, but coverage is about the ones that have none, so the full list
 * must come from places. The federation way is `coverage @requires(fields:
 * "villageAndCommunityCodes buildingUnitCount")`: the gateway first reads those two fields
 * from places (one batched statement per prefix length there) and hands them to people in
 * the representation. People then needs no HTTP call of its own and no copy of places' data,
 * and every count below is one statement per prefix length for any number of divisions.
 * (Asking places from the resolver, as linkCadre does, would work too, but would add a
 * subgraph round trip per request that the gateway already makes.)
 */
export interface CoverageSource {
  prefix: string;
  codes: string[];
  buildingUnits: number;
  visitQuota: number;
}

/** A division as people sees it: its key, and (through the gateway) the fields coverage @requires. */
export interface DivisionWithRequires {
  code: string;
  villageAndCommunityCodes?: string[];
  buildingUnitCount?: number;
}

export function coverageOf(d: DivisionWithRequires, args: DivisionCoverageArgs, config: PeopleConfig): CoverageSource {
  const visitQuota = args.visitQuota ?? config.visitQuota;
  if (!Number.isInteger(visitQuota) || visitQuota < 1 || visitQuota > 366) throw badInput('visitQuota', 'visitQuota must be between 1 and 366');
  const info = parseDivisionCode(d.code);
  if (!info) throw badInput('code', `not a division code: ${d.code}`);
  if (!d.villageAndCommunityCodes || d.buildingUnitCount == null) {
    // Only reachable when a client calls people directly without the @requires fields.
    throw badInput('code', 'coverage needs villageAndCommunityCodes and buildingUnitCount from places (query it through the gateway)');
  }
  return { prefix: info.prefix, codes: [...d.villageAndCommunityCodes].sort(), buildingUnits: d.buildingUnitCount, visitQuota };
}

/** One `valueLoader` per (name, extra params) that runs `sql(spec)` once per prefix length, for many subtrees. */
function perSubtree<V>(
  ctx: SubgraphContext,
  name: string,
  column: string,
  fallback: V,
  run: (spec: ReturnType<typeof subtreeGroups>[number]['spec']) => Promise<Map<string, V>>,
) {
  return ctx.loaders.get(name, () =>
    valueLoader(async (prefixes: string[]) => {
      const out = new Map<string, V>();
      for (const { spec } of subtreeGroups(column, prefixes)) for (const [k, v] of await run(spec)) out.set(k, v);
      return out;
    }, fallback),
  );
}

const counts = (rows: { grp: unknown; n: unknown }[]) => new Map(rows.map((r) => [String(r.grp), Number(r.n)]));
const ACTIVE = '(t.until IS NULL OR t.until > ?)';

/** Villages and communities of each subtree with an active COUNTY_LEVEL or SECTION_LEVEL liaison. */
const rankedCovered = (ctx: SubgraphContext) =>
  perSubtree(ctx, 'coverage:ranked', 'targetId', new Set<string>(), async (spec) => {
    const rows: { grp: unknown; code: string }[] = await ctx.ds.query(
      `SELECT DISTINCT ${spec.key} AS grp, t.targetId AS code FROM liaison t JOIN cadre c ON c.id = t.cadreId` +
        ` WHERE t.targetType = 'Division' AND (${spec.filter}) AND ${ACTIVE} AND c.cadreRank IN ('COUNTY_LEVEL', 'SECTION_LEVEL')`,
      [...spec.params, today(ctx)],
    );
    const out = new Map<string, Set<string>>();
    for (const r of rows) {
      const set = out.get(String(r.grp)) ?? new Set<string>();
      set.add(r.code);
      out.set(String(r.grp), set);
    }
    return out;
  });

const householdCount = (ctx: SubgraphContext) =>
  perSubtree(ctx, 'coverage:households', 'divisionCode', 0, (spec) => countByGroup(ctx.ds, { entity: Household, orderBy: 't.id' }, spec));

const householdsLinked = (ctx: SubgraphContext) =>
  perSubtree(ctx, 'coverage:householdsLinked', 'divisionCode', 0, async (spec) =>
    counts(
      await ctx.ds.query(
        `SELECT ${spec.key} AS grp, COUNT(DISTINCT t.targetId) AS n FROM liaison t WHERE t.targetType = 'Household' AND (${spec.filter}) AND ${ACTIVE} GROUP BY ${spec.key}`,
        [...spec.params, today(ctx)],
      ),
    ),
  );

const householdsVisitedEnough = (ctx: SubgraphContext, quota: number) => {
  const year = today(ctx).slice(0, 4);
  return perSubtree(ctx, `coverage:visitedEnough:${quota}`, 'divisionCode', 0, async (spec) =>
    counts(
      await ctx.ds.query(
        `SELECT x.grp AS grp, COUNT(*) AS n FROM (SELECT ${spec.key} AS grp, t.targetId AS targetId FROM visit t` +
          ` WHERE t.targetType = 'Household' AND (${spec.filter}) AND t.date >= ? AND t.date <= ?` +
          ` GROUP BY ${spec.key}, t.targetId HAVING COUNT(*) >= ?) x GROUP BY x.grp`,
        [...spec.params, `${year}-01-01`, `${year}-12-31`, quota],
      ),
    ),
  );
};

const unitsFullyLinked = (ctx: SubgraphContext) =>
  perSubtree(ctx, 'coverage:unitsFullyLinked', 'divisionCode', 0, async (spec) =>
    counts(
      await ctx.ds.query(
        `SELECT x.grp AS grp, COUNT(*) AS n FROM (SELECT ${spec.key} AS grp, t.targetId AS targetId FROM liaison t` +
          ` WHERE t.targetType = 'BuildingUnit' AND (${spec.filter}) AND ${ACTIVE}` +
          ` GROUP BY ${spec.key}, t.targetId HAVING COUNT(DISTINCT t.cadreId) >= 2) x GROUP BY x.grp`,
        [...spec.params, today(ctx)],
      ),
    ),
  );

export const coverageResolvers = {
  Coverage: {
    villagesAndCommunities: (c) => c.codes.length,
    withRankedLiaison: async (c, _, ctx) => {
      const covered = await rankedCovered(ctx).load(c.prefix);
      return c.codes.filter((code) => covered.has(code)).length;
    },
    uncovered: async (c, args, ctx) => {
      const covered = await rankedCovered(ctx).load(c.prefix);
      return sliceConnection(
        c.codes.filter((code) => !covered.has(code)).map((code) => ({ code })),
        args,
      );
    },
    households: (c, _, ctx) => householdCount(ctx).load(c.prefix),
    householdsLinked: (c, _, ctx) => householdsLinked(ctx).load(c.prefix),
    householdsVisitedEnough: (c, _, ctx) => householdsVisitedEnough(ctx, c.visitQuota).load(c.prefix),
    visitQuota: (c) => c.visitQuota,
    buildingUnits: (c) => c.buildingUnits,
    buildingUnitsFullyLinked: (c, _, ctx) => unitsFullyLinked(ctx).load(c.prefix),
  },
} satisfies Resolvers;
