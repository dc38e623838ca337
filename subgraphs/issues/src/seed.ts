import { IdempotencyRecord, chinaDate, insertInChunks, reportProgress, transaction, type Subgraph } from '@cadres/kit';
import { buildDemoPeople, buildDemoProjects, createRandom, type DemoPeople, type DemoWorld } from '@cadres/demo';
import type { DataSource, EntityManager } from 'typeorm';
import type { IssuesConfig } from './config';
import { CoHandler, Demand, DemandCounter, DemandEvent, DemandTaker, Issue, IssueEvent, KnownDepartment, LedgerCounter, Meeting, Rating } from './entities';
import { ledgerYear } from './reporting';
import { playDemands, playIssues, type DemandRows, type LedgerRows } from './seed-ledger';
import { planDemoLedger, type LedgerPlan } from './seed-plan';

const DAY = 86_400_000;
export const DEMO_ACTOR = 'system:demo';
/** Issues per village or community when the world names no count of its own. */
const ISSUES_PER_PLACE = 3;
/** Issues written per transaction, with their events, co-handlers and meetings. */
const BATCH = 2_000;

/** What the demo world may carry beyond its places and people (the scale profiles and the campaign). */
type WorldExtras = { profile?: { issues?: number }; campaign?: { from?: string; period?: { from?: string } } };

/** When the demo campaign began: the world's campaign, else a year before now. */
export function campaignStart(world: DemoWorld, now: Date): Date {
  const c = (world as DemoWorld & WorldExtras).campaign;
  const from = c?.from ?? c?.period?.from;
  return from ? new Date(`${from}T00:00:00.000+08:00`) : new Date(now.getTime() - 365 * DAY);
}

/** How many issues the demo ledger holds: the world's profile says, else three per village or community. */
export function issueTarget(world: DemoWorld): number {
  const wanted = (world as DemoWorld & WorldExtras).profile?.issues;
  return wanted ?? ISSUES_PER_PLACE * world.divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY').length;
}

/** UUID-shaped ids from a seeded stream: the same world seeds the same rows. */
export function demoIds(seed: number): () => string {
  const rng = createRandom(seed);
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(0, 3)]}${hex(3)}-${hex(12)}`;
}

/** The plan of the demo ledger for a world at `now` (seed-plan.ts), with the people and projects it refers to. */
export function demoLedgerPlan(world: DemoWorld, config: IssuesConfig, now: Date, issues = issueTarget(world)): { plan: LedgerPlan; people: DemoPeople } {
  // The same people (and visit ids) as the people seed: on the subgraph's today, in the world's campaign.
  const people = buildDemoPeople(world, { today: chinaDate(now) });
  const { projects } = buildDemoProjects(world);
  const from = people.campaign ? new Date(`${people.campaign.from}T00:00:00.000+08:00`) : campaignStart(world, now);
  return { plan: planDemoLedger(world, people, projects, { now, config, from, issues }), people };
}

/**
 * Demo issues on the shared demo world (seed-plan.ts says what they are): every status,
 * light and way of handling in every district, over the whole campaign, with their events; plus
 * the 四单 demands and 双评 ratings. The plan is played through the closed loop's rules in memory
 * (seed-ledger.ts: the rows the service would write for the same calls at the same instants,
 * as seed.test.ts proves by replaying it through the service) and written in bulk, in
 * transactions of BATCH issues, with progress: fast enough for a city's 20,000 issues.
 * Once: a database with issues is left alone. The subgraph's clock says when the demo looks
 * "current", its settings how long each urgency has.
 */
export async function seedIssues(subgraph: Subgraph<IssuesConfig>, world: DemoWorld): Promise<boolean> {
  const { ds, config } = subgraph;
  if ((await ds.getRepository(Issue).count()) > 0 && !(await clearInterruptedSeed(ds))) return false;
  const now = subgraph.now();
  reportProgress('planning issues');
  const { plan, people } = demoLedgerPlan(world, config, now);
  const ids = demoIds(2023_11);
  const ledger = playIssues(plan.issues, config, now, DEMO_ACTOR, ids);
  const demands = playDemands(plan.demands, now, DEMO_ACTOR, ids);
  await writeLedger(ds, ledger, demands, async (em) => {
    await insertInChunks(em, Rating, demoRatings(world, people, plan.quality, now));
    // The seed's actor asks no owner, so the departments' divisions come from the world.
    await em.createQueryBuilder().delete().from(KnownDepartment).execute();
    await insertInChunks(em, KnownDepartment, world.departments.map((d) => ({ id: d.id, divisionCode: d.divisionCode })));
  });
  return true;
}

/**
 * Writes the played rows: the issues in transactions of BATCH, each with its events, co-handlers
 * and meetings; then the counters, the demands and `last` (ratings: their presence marks a
 * finished seed) in one more.
 */
export async function writeLedger(ds: DataSource, ledger: LedgerRows, demands: DemandRows, last?: (em: EntityManager) => Promise<void>): Promise<void> {
  const batchOf = new Map(ledger.issues.map((issue, k) => [issue.id, Math.floor(k / BATCH)]));
  const batches = Array.from({ length: Math.ceil(ledger.issues.length / BATCH) }, (_, b) => ({
    issues: ledger.issues.slice(b * BATCH, (b + 1) * BATCH), events: [] as IssueEvent[], coHandlers: [] as CoHandler[], meetings: [] as Meeting[],
  }));
  for (const e of ledger.events) batches[batchOf.get(e.issueId)!].events.push(e);
  for (const c of ledger.coHandlers) batches[batchOf.get(c.issueId)!].coHandlers.push(c);
  for (const m of ledger.meetings) batches[batchOf.get(m.issueId)!].meetings.push(m);
  let done = 0;
  for (const b of batches) {
    await transaction(ds, async (em) => {
      await insertInChunks(em, Issue, b.issues, 900);
      await insertInChunks(em, IssueEvent, b.events, 3000);
      await insertInChunks(em, CoHandler, b.coHandlers);
      await insertInChunks(em, Meeting, b.meetings);
    });
    done += b.issues.length;
    reportProgress('seeding issues', done, ledger.issues.length);
  }
  await transaction(ds, async (em) => {
    await insertInChunks(em, LedgerCounter, ledger.counters);
    await insertInChunks(em, Demand, demands.demands);
    await insertInChunks(em, DemandEvent, demands.events, 500);
    await insertInChunks(em, DemandTaker, demands.takers);
    await insertInChunks(em, DemandCounter, demands.counters);
    await last?.(em);
  });
}

/**
 * 双评: enterprises rate two departments of their district (评环境评服务), as well as each one
 * serves (its character in the plan); households rate the cadres linked to them, every third link
 * (评工作评作风).
 */
function demoRatings(world: DemoWorld, people: DemoPeople, quality: Map<string, number>, now: Date): Rating[] {
  const rng = createRandom(7_2024);
  const ratings: Rating[] = [];
  const rating = (r: Omit<Rating, 'id' | 'comment' | 'at' | 'aspectKey' | 'period'>, daysAgo: number) => {
    const at = new Date(now.getTime() - daysAgo * DAY);
    ratings.push({ id: `RT-${String(ratings.length + 1).padStart(6, '0')}`, comment: null, at, aspectKey: r.aspect ?? '-', period: ledgerYear(at), ...r });
  };
  for (const e of world.enterprises) {
    const departments = world.departments.filter((d) => d.divisionCode === e.divisionCode.slice(0, 6) + '000000');
    if (!departments.length) continue;
    for (const aspect of ['ENVIRONMENT', 'SERVICE'] as const) {
      const targetId = rng.pick(departments).id;
      const score = Math.min(5, Math.max(1, Math.round(1.5 + 3.5 * (quality.get(targetId) ?? 0.6) + rng.next() - 0.5)));
      rating({ targetType: 'Department', targetId, raterType: 'Enterprise', raterId: e.id, score, aspect }, rng.int(1, 60));
    }
  }
  const links = people.liaisons.filter((l) => l.targetType === 'Household');
  for (let k = 0; k < links.length; k += 3) {
    for (const aspect of ['WORK', 'CONDUCT'] as const) {
      const score = rng.pick([5, 5, 4, 4, 4, 3, 2]);
      rating({ targetType: 'Cadre', targetId: links[k].cadreId, raterType: 'Household', raterId: links[k].targetId, score, aspect }, rng.int(1, 90));
    }
  }
  return ratings;
}

/**
 * A first start killed while seeding leaves some demo issues and no ratings (they come last).
 * When the ledger holds nothing but that (no event by anyone but the demo seed), it is cleared
 * so that the seed can run again; anything a person did keeps the database as it is.
 */
async function clearInterruptedSeed(ds: DataSource): Promise<boolean> {
  if ((await ds.getRepository(Rating).count()) > 0) return false;
  if ((await ds.getRepository(IssueEvent).createQueryBuilder('e').where('e.actor <> :demo', { demo: DEMO_ACTOR }).getCount()) > 0) return false;
  if ((await ds.getRepository(DemandEvent).createQueryBuilder('e').where('e.actor <> :demo', { demo: DEMO_ACTOR }).getCount()) > 0) return false;
  await transaction(ds, async (em) => {
    for (const table of [IssueEvent, CoHandler, Meeting, Issue, LedgerCounter, DemandEvent, DemandTaker, Demand, DemandCounter]) {
      await em.createQueryBuilder().delete().from(table).execute();
    }
    // An older seed's idempotency keys (demo-0, …) would otherwise answer the next run with the deleted issues.
    await em.createQueryBuilder().delete().from(IdempotencyRecord).where('caller = :demo', { demo: DEMO_ACTOR }).execute();
  });
  return true;
}
