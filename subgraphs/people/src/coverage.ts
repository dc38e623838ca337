import {
  badInput,
  countsByGroup,
  idsByGroup,
  subtreeLoader,
  entityLoader,
  equalGroups,
  loadOrNull,
  notFound,
  pageOf,
  parseDivisionCode,
  selectsField,
  sliceConnection,
  subtreeGroups,
  today,
  toConnection,
  valueLoader,
  type Connection,
  type GroupSpec,
  type PageArgs,
  type SubgraphContext,
} from '@cadres/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { liaisonScopeSql, mayRead } from './access';
import { campaignById, ranksOf, visibleCampaign } from './campaigns';
import type { PeopleConfig } from './config';
import type { CadreRank, Department } from './entities';
import type { DivisionCoverageArgs, Resolvers } from './generated/graphql';
import { cadreById, householdById, householdCount } from './loaders';

/**
 * Division.coverage: the subtree against the campaign rules (两个全覆盖 and the quotas).
 *
 * People does not own the list of divisions or of building units: coverage is about the
 * villages that have no link, which people cannot know of by itself. The counts it needs come
 * with the representation (`coverage @requires(fields: "villageAndCommunityCount
 * buildingUnitCount")`: two integers, whatever the size of the subtree), and every figure is
 * counted from people's own links, one statement per prefix length for any number of
 * divisions. Only the lists of the uncovered villages and of the units short of cadres need
 * places' lists: people asks places for them itself (kit entityLoader), and only when a client
 * reads those lists. So a dashboard's coverage costs the same for a township as for a city.
 */
/** The rules coverage measures against: today's defaults (defaultRules), or a campaign's. */
export interface CoverageRules {
  /** Visits a household needs within the period. */
  visitsPerHousehold: number;
  /** Households each cadre should hold (about 5). */
  householdsPerCadre: number;
  /** Distinct cadres each building unit needs. */
  cadresPerBuildingUnit: number;
  /** The ranks whose link makes a village or community covered. */
  rankedLiaisonRanks: readonly CadreRank[];
  /**
   * 包片: a village or community also counts as covered when a cadre of a ranked rank holds an
   * active AREA_LEAD link to its township (the code's first 9 digits + '000').
   */
  areaLeadCovers: boolean;
}

/** China dates, both inclusive. */
export interface Period {
  from: string;
  to: string;
}

export const defaultRules = (config: PeopleConfig): CoverageRules => ({
  visitsPerHousehold: config.visitQuota,
  householdsPerCadre: 5,
  cadresPerBuildingUnit: 2,
  rankedLiaisonRanks: ['COUNTY_LEVEL', 'SECTION_LEVEL'],
  areaLeadCovers: false,
});

export function calendarYear(ctx: SubgraphContext): Period {
  const year = today(ctx).slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * Whose cadres the cadre figures count: those of the departments lying in a division subtree
 * (key: the code's prefix; Coverage), or those of one department (key: its id; DepartmentCoverage).
 */
export interface CadresOf {
  by: 'subtree' | 'department';
  key: string;
}

/** What the cadre figures (cadres, cadresLinked, the two cadre lists, householdsPerCadre) need. */
export interface CadreCoverageSource {
  cadresOf: CadresOf;
  rules: CoverageRules;
  /** Links count when active on this day: today, or the period's end when that is past. */
  asOf: string;
}

export interface CoverageSource extends CadreCoverageSource {
  code: string;
  prefix: string;
  /** Villages and communities of the subtree, as places counts them. */
  villages: number;
  /** Building units of the subtree, as places counts them. */
  units: number;
  period: Period;
}

/** The day links count on over a period: its last day, or today while it runs. */
export const linksDay = (ctx: SubgraphContext, period: Period) => (period.to < today(ctx) ? period.to : today(ctx));

/** A division as people sees it: its key, and (through the gateway) the counts coverage @requires. */
export interface DivisionWithRequires {
  code: string;
  villageAndCommunityCount?: number;
  buildingUnitCount?: number;
}

/** Coverage of `d`'s subtree under a period and rules (a campaign's, for Division.coverageIn). */
export function coverageUnder(ctx: SubgraphContext, d: DivisionWithRequires, rules: CoverageRules, period: Period): CoverageSource {
  const info = parseDivisionCode(d.code);
  if (!info) throw badInput('code', `not a division code: ${d.code}`);
  if (d.villageAndCommunityCount == null || d.buildingUnitCount == null) {
    // Only reachable when a client calls people directly without the @requires fields.
    throw badInput('code', 'coverage needs villageAndCommunityCount and buildingUnitCount from places (query it through the gateway)');
  }
  return {
    code: d.code,
    prefix: info.prefix,
    cadresOf: { by: 'subtree', key: info.prefix },
    villages: d.villageAndCommunityCount,
    units: d.buildingUnitCount,
    rules,
    period,
    asOf: linksDay(ctx, period),
  };
}

/** A campaign's rules and period: NOT_FOUND (campaignId) for one the viewer does not see. */
export async function campaignCoverage(ctx: SubgraphContext, campaignId: string): Promise<{ rules: CoverageRules; period: Period }> {
  const campaign = visibleCampaign(ctx, await loadOrNull(campaignById(ctx), campaignId));
  if (!campaign) throw notFound('Campaign', campaignId, 'campaignId');
  const { visitsPerHousehold, householdsPerCadre, cadresPerBuildingUnit } = campaign;
  return {
    rules: { visitsPerHousehold, householdsPerCadre, cadresPerBuildingUnit, rankedLiaisonRanks: ranksOf(campaign), areaLeadCovers: Boolean(campaign.areaLeadCovers) },
    period: { from: campaign.dateFrom, to: campaign.dateTo },
  };
}

/** Division.coverage: today's rules over the calendar year, the visit quota as asked. */
export function coverageOf(ctx: SubgraphContext, d: DivisionWithRequires, args: DivisionCoverageArgs, config: PeopleConfig): CoverageSource {
  const visitQuota = args.visitQuota ?? config.visitQuota;
  if (!Number.isInteger(visitQuota) || visitQuota < 1 || visitQuota > 366) throw badInput('visitQuota', 'visitQuota must be between 1 and 366');
  return coverageUnder(ctx, d, { ...defaultRules(config), visitsPerHousehold: visitQuota }, calendarYear(ctx));
}

/**
 * Department.coverage: its cadres under a campaign's rules, links as on the campaign's last day
 * (today while it runs), else today's default rules; null for those who read no people data.
 */
export async function departmentCoverage(ctx: SubgraphContext, d: Department, campaignId: string | null | undefined, config: PeopleConfig): Promise<CadreCoverageSource | null> {
  if (!mayRead(ctx.viewer)) return null;
  const { rules, period } = campaignId != null ? await campaignCoverage(ctx, campaignId) : { rules: defaultRules(config), period: calendarYear(ctx) };
  return { cadresOf: { by: 'department', key: d.id }, rules, asOf: linksDay(ctx, period) };
}

/** How a batch of keys becomes group specs: one statement runs per spec. */
type Grouping = (keys: string[]) => GroupSpec[];

const subtreesOf =
  (column: string): Grouping =>
  (prefixes) =>
    subtreeGroups(column, prefixes).map((g) => g.spec);

/** The rows of `department t` that each kind of CadresOf key selects: a subtree per prefix length, or one IN list of ids. */
const departmentGroups: Record<CadresOf['by'], Grouping> = { subtree: subtreesOf('divisionCode'), department: (ids) => equalGroups('id', ids) };

/** One `valueLoader` per (name, extra params) that runs `run(spec)` once per group spec of the keys asked for. */
function perGroup<V>(ctx: SubgraphContext, name: string, groups: Grouping, fallback: V, run: (spec: GroupSpec) => Promise<Map<string, V>>) {
  return ctx.loaders.get(name, () =>
    valueLoader(async (keys: string[]) => {
      const out = new Map<string, V>();
      for (const spec of groups(keys)) for (const [k, v] of await run(spec)) out.set(k, v);
      return out;
    }, fallback),
  );
}

/** SQL for a link (alias `alias`) active on a day, with its two parameters. */
export const activeOn = (alias: string, day: string) => ({ sql: `(${alias}.until IS NULL OR ${alias}.until > ?) AND ${alias}.since <= ?`, params: [day, day] });

/**
 * A coverage list: the rows `(grp, id)` of one group spec, as SQL. `name` must tell apart
 * every source with other SQL, parameters or grouping (it keys the request's loaders).
 */
interface ListSource {
  name: string;
  /** How the keys (subtree prefixes, department ids) become specs on `t`. */
  groups: Grouping;
  sql: (spec: GroupSpec) => { sql: string; params: unknown[] };
}

const listCount = (ctx: SubgraphContext, source: ListSource) =>
  perGroup(ctx, `${source.name}:count`, source.groups, 0, async (spec) => {
    const { sql, params } = source.sql(spec);
    return countsByGroup(await ctx.ds.query(`SELECT x.grp AS grp, COUNT(*) AS n FROM (${sql}) x GROUP BY x.grp`, params));
  });

/**
 * A page of a list per key, ordered by id: one statement per group spec, and one more for the
 * counts when the query selects totalCount. The count is asked for with the page, not when
 * GraphQL reaches totalCount: that comes later for a page whose nodes must load first than for
 * an empty one, which then sent its count apart.
 */
function listPage(ctx: SubgraphContext, source: ListSource, key: string, args: PageArgs, info: GraphQLResolveInfo) {
  const page = pageOf(args);
  const total = selectsField(info, 'totalCount') ? listCount(ctx, source).load(key) : null;
  const rows = perGroup(ctx, `${source.name}:${page.offset}:${page.limit}`, source.groups, [] as string[], async (spec) => {
    const { sql, params } = source.sql(spec);
    return idsByGroup(
      await ctx.ds.query(
        `SELECT y.grp AS grp, y.id AS id FROM (SELECT x.grp AS grp, x.id AS id, ROW_NUMBER() OVER (PARTITION BY x.grp ORDER BY x.id) AS rn FROM (${sql}) x) y` +
          ` WHERE y.rn > ? AND y.rn <= ? ORDER BY y.grp, y.rn`,
        [...params, page.offset, page.offset + page.limit + 1],
      ),
    );
  });
  return rows.load(key).then((ids) => toConnection(ids, page, () => total ?? listCount(ctx, source).load(key)));
}

/**
 * The links (alias `l`) of cadre `c` that count: active on the day, and lying where the viewer
 * reads them (a link lies at its target), so a district never learns of its cadres' links in
 * another district.
 */
function countedLinks(ctx: SubgraphContext, c: CadreCoverageSource) {
  const scope = liaisonScopeSql(ctx.viewer, 'l');
  const active = activeOn('l', c.asOf);
  return { sql: `l.cadreId = c.id AND ${active.sql}${scope ? ` AND ${scope.sql}` : ''}`, params: [...active.params, ...(scope?.params ?? [])] };
}

/**
 * The cadres of `c.cadresOf` (the subtree's departments, or one department), optionally only
 * those for which `condition` (SQL on cadre `c`, given the SQL of its counted links) holds.
 */
function cadresWhere(ctx: SubgraphContext, c: CadreCoverageSource, name: string, condition?: (links: string) => string, extra: unknown[] = []): ListSource {
  const links = countedLinks(ctx, c);
  return {
    name: `coverage:cadres:${c.cadresOf.by}:${name}:${c.asOf}:${extra.join()}`,
    groups: departmentGroups[c.cadresOf.by],
    sql: (spec) => ({
      sql: `SELECT ${spec.key} AS grp, c.id AS id FROM department t JOIN cadre c ON c.departmentId = t.id WHERE (${spec.filter})${condition ? ` AND ${condition(links.sql)}` : ''}`,
      params: [...spec.params, ...(condition ? [...links.params, ...extra] : [])],
    }),
  };
}

const allCadres = (ctx: SubgraphContext, c: CadreCoverageSource) => cadresWhere(ctx, c, 'all');

/** Cadres with no active link to a village or community (a Division target below township level). */
const cadresWithoutVillage = (ctx: SubgraphContext, c: CadreCoverageSource) =>
  cadresWhere(ctx, c, 'withoutVillage', (links) => `NOT EXISTS (SELECT 1 FROM liaison l WHERE ${links} AND l.targetType = 'Division' AND SUBSTR(l.targetId, 10, 3) <> '000')`);

const cadresOffHouseholdQuota = (ctx: SubgraphContext, c: CadreCoverageSource) =>
  cadresWhere(
    ctx,
    c,
    'offHouseholdQuota',
    (links) => `(SELECT COUNT(DISTINCT l.targetId) FROM liaison l WHERE ${links} AND l.targetType = 'Household') <> ?`,
    [c.rules.householdsPerCadre],
  );

/**
 * SQL: the visits household `t` had in the period, with its two parameters. One short range of
 * idx_visit_target per household: cheaper than grouping the subtree's visits by household
 * (a district at a city's size: 64 → 34 ms on SQLite, 87 → 65 ms on MariaDB), and it grows with
 * the households, not with the years of visits kept.
 */
const visitsInPeriod = (period: Period) => ({
  sql: `(SELECT COUNT(*) FROM visit v WHERE v.targetType = 'Household' AND v.targetId = t.id AND v.date >= ? AND v.date <= ?)`,
  params: [period.from, period.to],
});

/** Households of the subtree with fewer visits in the period than the rule. */
const householdsUnderQuota = (c: CoverageSource): ListSource => {
  const visits = visitsInPeriod(c.period);
  return {
    name: `coverage:underQuota:${c.period.from}:${c.period.to}:${c.rules.visitsPerHousehold}`,
    groups: subtreesOf('divisionCode'),
    sql: (spec) => ({
      sql: `SELECT ${spec.key} AS grp, t.id AS id FROM household t WHERE (${spec.filter}) AND ${visits.sql} < ?`,
      params: [...spec.params, ...visits.params, c.rules.visitsPerHousehold],
    }),
  };
};

/**
 * The divisions of each subtree with an active link (of `role`, or any) of a cadre of a ranked
 * rank: one statement per prefix length.
 */
const rankedLinkTargets = (ctx: SubgraphContext, c: CoverageSource, role: 'AREA_LEAD' | null) => {
  const ranks = [...c.rules.rankedLiaisonRanks].sort();
  const active = activeOn('t', c.asOf);
  return subtreeLoader(ctx, `coverage:ranked:${role ?? 'any'}:${ranks.join()}:${c.asOf}`, 'targetId', new Set<string>(), async (spec) => {
    if (!ranks.length) return new Map();
    const rows: { grp: unknown; id: string }[] = await ctx.ds.query(
      `SELECT DISTINCT ${spec.key} AS grp, t.targetId AS id FROM liaison t JOIN cadre c ON c.id = t.cadreId` +
        ` WHERE t.targetType = 'Division'${role ? ' AND t.role = ?' : ''} AND (${spec.filter}) AND ${active.sql} AND c.cadreRank IN (${ranks.map(() => '?').join(', ')})`,
      [...(role ? [role] : []), ...spec.params, ...active.params, ...ranks],
    );
    return new Map([...idsByGroup(rows)].map(([k, ids]) => [k, new Set(ids)]));
  });
};

/** Villages and communities of each subtree with a ranked liaison of their own. */
const rankedCovered = (ctx: SubgraphContext, c: CoverageSource) => rankedLinkTargets(ctx, c, null);

/**
 * Townships led (包片) by a cadre of a ranked rank, per subtree. Load it by the prefix cut to a
 * township's 9 digits, so a village's own coverage finds its township too.
 */
const areaLedTownships = (ctx: SubgraphContext, c: CoverageSource) => rankedLinkTargets(ctx, c, 'AREA_LEAD');

const townshipOf = (code: string) => `${code.slice(0, 9)}000`;
const isGrassroots = (code: string) => code.slice(9) !== '000';
const isTownship = (code: string) => code.slice(6, 9) !== '000' && code.slice(9) === '000';

/** What people asks places for itself: lists only when a client reads them, and township sizes for 包片. */
const placesField = async <T>(ctx: SubgraphContext, field: 'villageAndCommunityCodes' | 'buildingUnitIds' | 'villageAndCommunityCount', code: string) =>
  ((await entityLoader<Record<string, T>>(ctx, 'Division', field).load(code))?.[field] ?? null) as T | null;

/** Whether each village or community of `c` is covered: its own ranked liaison, or (when the rule says so) its township's ranked AREA_LEAD. */
async function coveredTest(ctx: SubgraphContext, c: CoverageSource): Promise<(code: string) => boolean> {
  const [own, led] = await Promise.all([
    rankedCovered(ctx, c).load(c.prefix),
    c.rules.areaLeadCovers ? areaLedTownships(ctx, c).load(c.prefix.slice(0, 9)) : Promise.resolve(new Set<string>()),
  ]);
  return (code) => own.has(code) || led.has(townshipOf(code));
}

/**
 * How many villages and communities of `c` are covered, from people's links alone; with
 * 包片, plus every village of a led township, which places counts (one request for all of them).
 */
async function coveredCount(ctx: SubgraphContext, c: CoverageSource): Promise<number> {
  const own = [...(await rankedCovered(ctx, c).load(c.prefix))].filter(isGrassroots);
  let covered = own.length;
  if (c.rules.areaLeadCovers) {
    const led = [...(await areaLedTownships(ctx, c).load(c.prefix.slice(0, 9)))].filter(isTownship);
    if (c.prefix.length >= 9) {
      // A township or a village: its own township's lead covers all of it.
      if (led.includes(townshipOf(c.code))) covered = c.villages;
    } else {
      const ledSet = new Set(led);
      const sizes = await Promise.all(led.map((code) => placesField<number>(ctx, 'villageAndCommunityCount', code)));
      const inLed = sizes.reduce<number>((sum, n) => sum + (n ?? 0), 0);
      covered = inLed + own.filter((v) => !ledSet.has(townshipOf(v))).length;
    }
  }
  // A link to a division places no longer has must not count beyond the subtree.
  return Math.min(covered, c.villages);
}

const householdsLinked = (ctx: SubgraphContext, c: CoverageSource) => {
  const active = activeOn('t', c.asOf);
  return subtreeLoader(ctx, `coverage:householdsLinked:${c.asOf}`, 'divisionCode', 0, async (spec) =>
    countsByGroup(
      await ctx.ds.query(
        `SELECT ${spec.key} AS grp, COUNT(DISTINCT t.targetId) AS n FROM liaison t WHERE t.targetType = 'Household' AND (${spec.filter}) AND ${active.sql} GROUP BY ${spec.key}`,
        [...spec.params, ...active.params],
      ),
    ),
  );
};

/** Distinct households the cadres of `c.cadresOf` hold: their counted links (as the cadre lists count them) to households. */
const householdsOfCadres = (ctx: SubgraphContext, c: CadreCoverageSource) => {
  const links = countedLinks(ctx, c);
  return perGroup(ctx, `coverage:householdsOfCadres:${c.cadresOf.by}:${c.asOf}`, departmentGroups[c.cadresOf.by], 0, async (spec) =>
    countsByGroup(
      await ctx.ds.query(
        `SELECT ${spec.key} AS grp, COUNT(DISTINCT l.targetId) AS n FROM department t JOIN cadre c ON c.departmentId = t.id JOIN liaison l ON ${links.sql}` +
          ` WHERE (${spec.filter}) AND l.targetType = 'Household' GROUP BY ${spec.key}`,
        [...links.params, ...spec.params],
      ),
    ),
  );
};

/** Households of the subtree with at least the rule's visits in the period: the complement of householdsUnderQuota. */
const householdsVisitedEnough = (ctx: SubgraphContext, c: CoverageSource) => {
  const visits = visitsInPeriod(c.period);
  return subtreeLoader(ctx, `coverage:visitedEnough:${c.period.from}:${c.period.to}:${c.rules.visitsPerHousehold}`, 'divisionCode', 0, async (spec) =>
    countsByGroup(
      await ctx.ds.query(`SELECT ${spec.key} AS grp, COUNT(*) AS n FROM household t WHERE (${spec.filter}) AND ${visits.sql} >= ? GROUP BY ${spec.key}`, [
        ...spec.params,
        ...visits.params,
        c.rules.visitsPerHousehold,
      ]),
    ),
  );
};

/** The enterprises of each subtree with an active liaison (links lie at the enterprise's division). */
const enterprisesLinked = (ctx: SubgraphContext, c: CoverageSource) => {
  const active = activeOn('t', c.asOf);
  return subtreeLoader(ctx, `coverage:enterprisesLinked:${c.asOf}`, 'divisionCode', new Set<string>(), async (spec) => {
    const rows: { grp: unknown; id: string }[] = await ctx.ds.query(
      `SELECT DISTINCT ${spec.key} AS grp, t.targetId AS id FROM liaison t WHERE t.targetType = 'Enterprise' AND (${spec.filter}) AND ${active.sql}`,
      [...spec.params, ...active.params],
    );
    return new Map([...idsByGroup(rows)].map(([k, ids]) => [k, new Set(ids)]));
  });
};

/** What people asks enterprises for itself, only when a client reads the enterprise figures. */
const enterprisesField = async <T>(ctx: SubgraphContext, field: 'enterpriseCount' | 'enterpriseIds', code: string) =>
  ((await entityLoader<Record<string, T>>(ctx, 'Division', field, 'enterprises').load(code))?.[field] ?? null) as T | null;

/** The building units of a subtree (one group spec) with at least the rule's distinct cadres actively linked, as SQL. */
function unitsFullyLinkedSql(c: CoverageSource, spec: GroupSpec) {
  const active = activeOn('t', c.asOf);
  return {
    sql:
      `SELECT ${spec.key} AS grp, t.targetId AS id FROM liaison t WHERE t.targetType = 'BuildingUnit' AND (${spec.filter}) AND ${active.sql}` +
      ` GROUP BY ${spec.key}, t.targetId HAVING COUNT(DISTINCT t.cadreId) >= ?`,
    params: [...spec.params, ...active.params, c.rules.cadresPerBuildingUnit],
  };
}

/** Those units' ids, for the list of the units short of cadres. */
const unitsFullyLinked = (ctx: SubgraphContext, c: CoverageSource) =>
  subtreeLoader(ctx, `coverage:unitsFullyLinked:${c.rules.cadresPerBuildingUnit}:${c.asOf}`, 'divisionCode', new Set<string>(), async (spec) => {
    const { sql, params } = unitsFullyLinkedSql(c, spec);
    const rows: { grp: unknown; id: string }[] = await ctx.ds.query(sql, params);
    return new Map([...idsByGroup(rows)].map(([k, ids]) => [k, new Set(ids)]));
  });

/** How many there are, counted in SQL: the figure alone sends no ids (a city has tens of thousands of units). */
const unitsFullyLinkedCount = (ctx: SubgraphContext, c: CoverageSource) =>
  subtreeLoader(ctx, `coverage:unitsFullyLinked:count:${c.rules.cadresPerBuildingUnit}:${c.asOf}`, 'divisionCode', 0, async (spec) => {
    const { sql, params } = unitsFullyLinkedSql(c, spec);
    return countsByGroup(await ctx.ds.query(`SELECT x.grp AS grp, COUNT(*) AS n FROM (${sql}) x GROUP BY x.grp`, params));
  });

const cadreNodes = async (ctx: SubgraphContext, page: Connection<string>) => ({
  ...page,
  nodes: await Promise.all(page.nodes.map((id) => cadreById(ctx).load(id))),
});

/** The cadre figures, the same for a subtree's departments (Coverage) and for one department (DepartmentCoverage). */
const cadreFigures = {
  cadres: (c: CadreCoverageSource, _: unknown, ctx: SubgraphContext) => listCount(ctx, allCadres(ctx, c)).load(c.cadresOf.key),
  cadresLinked: async (c: CadreCoverageSource, _: unknown, ctx: SubgraphContext) => {
    const [all, without] = await Promise.all([listCount(ctx, allCadres(ctx, c)).load(c.cadresOf.key), listCount(ctx, cadresWithoutVillage(ctx, c)).load(c.cadresOf.key)]);
    return all - without;
  },
  cadresWithoutVillage: async (c: CadreCoverageSource, args: PageArgs, ctx: SubgraphContext, info: GraphQLResolveInfo) =>
    cadreNodes(ctx, await listPage(ctx, cadresWithoutVillage(ctx, c), c.cadresOf.key, args, info)),
  householdsPerCadre: (c: CadreCoverageSource) => c.rules.householdsPerCadre,
  cadresOffHouseholdQuota: async (c: CadreCoverageSource, args: PageArgs, ctx: SubgraphContext, info: GraphQLResolveInfo) =>
    cadreNodes(ctx, await listPage(ctx, cadresOffHouseholdQuota(ctx, c), c.cadresOf.key, args, info)),
};

export const coverageResolvers = {
  DepartmentCoverage: {
    ...cadreFigures,
    householdsLinked: (c, _, ctx) => householdsOfCadres(ctx, c).load(c.cadresOf.key),
  },
  Coverage: {
    villagesAndCommunities: (c) => c.villages,
    withRankedLiaison: (c, _, ctx) => coveredCount(ctx, c),
    uncovered: async (c, args, ctx) => {
      const [covered, codes] = await Promise.all([coveredTest(ctx, c), placesField<string[]>(ctx, 'villageAndCommunityCodes', c.code)]);
      return sliceConnection(
        (codes ?? []).filter((code) => !covered(code)).map((code) => ({ code })),
        args,
      );
    },
    households: (c, _, ctx) => householdCount(ctx).load(c.prefix),
    householdsLinked: (c, _, ctx) => householdsLinked(ctx, c).load(c.prefix),
    householdsVisitedEnough: (c, _, ctx) => householdsVisitedEnough(ctx, c).load(c.prefix),
    householdsUnderQuota: async (c, args, ctx, info) => {
      const page = await listPage(ctx, householdsUnderQuota(c), c.prefix, args, info);
      return { ...page, nodes: await Promise.all(page.nodes.map((id) => householdById(ctx).load(id))) };
    },
    visitQuota: (c) => c.rules.visitsPerHousehold,
    buildingUnits: (c) => c.units,
    buildingUnitsFullyLinked: async (c, _, ctx) => Math.min(await unitsFullyLinkedCount(ctx, c).load(c.prefix), c.units),
    buildingUnitsShort: async (c, args, ctx) => {
      const [full, ids] = await Promise.all([unitsFullyLinked(ctx, c).load(c.prefix), placesField<string[]>(ctx, 'buildingUnitIds', c.code)]);
      return sliceConnection(
        (ids ?? []).filter((id) => !full.has(id)).map((id) => ({ id })),
        args,
      );
    },
    enterprises: (c, _, ctx) => enterprisesField<number>(ctx, 'enterpriseCount', c.code),
    enterprisesLinked: async (c, _, ctx) => (await enterprisesLinked(ctx, c).load(c.prefix)).size,
    enterprisesWithoutLiaison: async (c, args, ctx) => {
      const [linked, ids] = await Promise.all([enterprisesLinked(ctx, c).load(c.prefix), enterprisesField<string[]>(ctx, 'enterpriseIds', c.code)]);
      if (!ids) return null;
      return sliceConnection(
        ids.filter((id) => !linked.has(id)).map((id) => ({ id })),
        args,
      );
    },
    ...cadreFigures,
  },
} satisfies Resolvers;
