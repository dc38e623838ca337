// The demo ledger's plan: which problems were reported where, when, by whom, and what each
// handling department did about them, as the calls the service would have received
// (seed-ledger.ts plays them). A pure function of the demo world, the clock and the settings.
//
// What it means to tell the truth (issue 11): categories lean the way real ledgers do
// (seed-catalog.ts); the department fits the problem; reports spread over the whole campaign,
// those found on a visit a few days after it and by one of its cadres; each department has a
// character (how fast it signs, how often on time, how well it solves), one in each district a
// laggard, so that rates and rankings differ; residents' verdicts are not always "solved and
// satisfied"; some problems are fixed at the door, some handled by two departments with a
// coordination meeting; and every status and every light appears in every district.
import { chinaDate } from '@cadres/kit';
import { createRandom, type DemoDepartment, type DemoPeople, type DemoProject, type DemoVisit, type DemoWorld, type Random } from '@cadres/demo';
import type { IssuesConfig } from './config';
import type { IssueSource, Satisfaction, Urgency } from './entities';
import { DEMAND_KINDS, PROBLEM_KINDS, REJECT_REASONS, REOPEN_COMMENTS, type ProblemKind } from './seed-catalog';
import type { DemandScript, IssueScript, PlannedDemandStep, PlannedStep } from './seed-ledger';
import { dayStart } from './time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface LedgerPlanOptions {
  now: Date;
  config: IssuesConfig;
  /** When the campaign began: reports spread from here to now. */
  from: Date;
  /** About how many issues in all (each district gets its share, never fewer than its guaranteed shapes). */
  issues: number;
  seed?: number;
}

export interface LedgerPlan {
  issues: IssueScript[];
  demands: DemandScript[];
  /** Each department's character, 0 (a laggard) to 1: also how enterprises rate its service. */
  quality: Map<string, number>;
}

/** A step before the report's instant is known: its offset from the report. */
type RelStep = { dt: number; label: string; make: (at: Date) => PlannedStep };

/**
 * The shapes every district holds at least once: every status (REPORTED to CLOSED and
 * REJECTED), each light, supervision by hand and by the sweep, a reopening, the joint and the
 * on-the-spot ways. `cut` says where on its course `now` falls.
 */
const GUARANTEED = [
  { name: 'reported', cut: { after: 'report' } },
  { name: 'assigned', cut: { after: 'assign' } },
  { name: 'accepted', cut: { after: 'accept' } },
  { name: 'yellow', stall: true, cut: { spans: [0.83, 0.97] } },
  { name: 'overdue', stall: true, cut: { spans: [1.2, 1.4] } },
  { name: 'escalated', stall: true, supervise: true, cut: { spans: [1.6, 3] } },
  { name: 'resolved', cut: { after: 'resolve' } },
  { name: 'reopened', firstVerdict: 'DISSATISFIED,true', cut: { after: 'evaluate' } },
  { name: 'closedLate', late: true, cut: { after: 'end' } },
  { name: 'closedBasic', verdict: 'BASICALLY_SATISFIED', cut: { after: 'end' } },
  { name: 'rejected', reject: true, cut: { after: 'end' } },
  { name: 'jointOpen', joint: true, meeting: true, cut: { after: 'recordMeeting' } },
  { name: 'jointClosed', joint: true, meeting: true, cut: { after: 'end' } },
  { name: 'fixed', fixed: true, cut: { after: 'end' } },
] as const satisfies readonly Shape[];

interface Shape {
  name: string;
  stall?: boolean;
  supervise?: boolean;
  late?: boolean;
  reject?: boolean;
  joint?: boolean;
  meeting?: boolean;
  fixed?: boolean;
  firstVerdict?: string;
  verdict?: Satisfaction;
  cut: { after: string } | { spans: readonly [number, number] };
}

const GUARANTEED_DEMANDS = ['orderDemand', 'openDemand', 'takeDemand', 'completeDemand', 'end'] as const;

const between = (rng: Random, lo: number, hi: number) => lo + (hi - lo) * rng.next();
const seconds = (ms: number) => Math.round(ms / 1000) * 1000;

function weighted<T extends { weight: number }>(rng: Random, items: readonly T[]): T {
  let r = rng.next() * items.reduce((s, i) => s + i.weight, 0);
  for (const i of items) if ((r -= i.weight) < 0) return i;
  return items[items.length - 1];
}

/** The first department whose name has the first word that any has: the district's, then the city's. */
function departmentFor(words: readonly string[], local: readonly DemoDepartment[], city: readonly DemoDepartment[], not?: string): DemoDepartment | null {
  for (const pool of [local, city]) {
    for (const w of words) {
      const d = pool.find((x) => x.name.includes(w) && x.id !== not);
      if (d) return d;
    }
  }
  return null;
}

export function planDemoLedger(world: DemoWorld, people: DemoPeople, projects: readonly DemoProject[], o: LedgerPlanOptions): LedgerPlan {
  const rng = createRandom(o.seed ?? 7_2023);
  const now = o.now.getTime();
  const from = Math.min(o.from.getTime(), now - 30 * DAY);
  const { config } = o;
  const today = chinaDate(o.now);
  const city = world.departments.filter((d) => d.divisionCode.endsWith('00000000'));
  const grassroots = world.divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY');
  const districts = world.divisions.filter((d) => d.level === 'DISTRICT');

  // Each department's character: one laggard per district, the others spread from fair to good.
  const quality = new Map<string, number>();
  for (const d of city) quality.set(d.id, between(rng, 0.55, 0.95));
  for (const district of districts) {
    const local = world.departments.filter((d) => d.divisionCode === district.code);
    // The laggard is one of the busy units (民政, 住建, 人社), so that it shows in the rates.
    const busy = local.filter((d) => /民政|住建|人社/.test(d.name));
    const laggard = busy.length ? rng.pick(busy).id : null;
    for (const d of local) quality.set(d.id, d.id === laggard ? between(rng, 0.05, 0.2) : between(rng, 0.4, 1));
  }
  const q = (id: string) => quality.get(id) ?? 0.6;

  const byDivision = <T extends { divisionCode: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.divisionCode);
      if (list) list.push(r);
      else m.set(r.divisionCode, [r]);
    }
    return m;
  };
  const nameOf = new Map(world.divisions.map((d) => [d.code, d.name]));
  // A cadre acts on the ledger where its department serves: its district, or anywhere for the city's.
  const servedBy = new Map(world.departments.map((d) => [d.id, d.divisionCode]));
  const cadreServes = new Map(world.cadres.map((c) => [c.id, servedBy.get(c.departmentId) ?? '']));
  const serves = (cadreId: string, code: string) => {
    const at = cadreServes.get(cadreId) ?? '';
    return at.endsWith('00000000') || at.slice(0, 6) === code.slice(0, 6);
  };
  const liaisonAt = (code: string) => liaisonsIn.get(code)?.find((l) => serves(l.cadreId, code))?.cadreId ?? null;
  const householdsIn = byDivision(people.households);
  const liaisonsIn = byDivision(world.villageLiaisons);
  const targetCadre = new Map(people.liaisons.filter((l) => l.targetType === 'Enterprise' || l.targetType === 'Project').map((l) => [l.targetId, l.cadreId]));
  // Only visits made by today: an issue found on a visit comes after it.
  const visits = people.visits.filter((v) => v.date <= today && dayStart(v.date).getTime() >= from - DAY && v.cadreIds.some((c) => serves(c, v.divisionCode)));

  const issues: IssueScript[] = [];
  const demands: DemandScript[] = [];
  const totalPlaces = grassroots.length || 1;

  for (const district of districts) {
    const prefix = district.code.slice(0, 6);
    const places = grassroots.filter((d) => d.code.startsWith(prefix));
    const local = world.departments.filter((d) => d.divisionCode === district.code);
    if (!places.length || !local.length) continue;
    const enterprises = world.enterprises.filter((e) => e.divisionCode.startsWith(prefix));
    const sites = projects.filter((p) => p.siteCode.startsWith(prefix));
    const districtVisits = visits.filter((v) => v.divisionCode.startsWith(prefix));
    const kinds = PROBLEM_KINDS.filter((k) => (k.subject !== 'enterprise' || enterprises.length) && (k.subject !== 'project' || sites.length));
    const n = Math.max(GUARANTEED.length, Math.round((o.issues * places.length) / totalPlaces));

    const leadFor = (kind: ProblemKind) => departmentFor(kind.departments, local, city)!;
    const coFor = (kind: ProblemKind, lead: string) =>
      (kind.coHandlers && departmentFor(kind.coHandlers, local, city, lead)) || local.find((d) => d.id !== lead) || null;

    /** What the report says and about whom: the subject, its place, the reporter and the source. */
    const subjectOf = (kind: ProblemKind, visit: DemoVisit | null) => {
      if (kind.subject === 'enterprise') {
        const e = rng.pick(enterprises);
        return { divisionCode: e.divisionCode, subjectType: 'Enterprise', subjectId: e.id, reporterId: targetCadre.get(e.id) ?? null, source: 'ENTERPRISE' as IssueSource, place: e.name };
      }
      if (kind.subject === 'project') {
        const p = rng.pick(sites);
        return { divisionCode: p.siteCode, subjectType: 'Project', subjectId: p.id, reporterId: targetCadre.get(p.id) ?? null, source: 'ENTERPRISE' as IssueSource, place: p.name };
      }
      const code = visit?.divisionCode ?? rng.pick(places).code;
      const place = nameOf.get(code)!;
      // The reporter: one of the visit's cadres who serves here (a partner from elsewhere does not report for another district).
      const reporterId = visit ? rng.pick(visit.cadreIds.filter((c) => serves(c, code))) : null;
      const source: IssueSource = visit ? 'VISIT' : rng.pick(['HOTLINE', 'HOTLINE', 'FORUM', 'ONLINE'] as const);
      const liaison = !visit && source === 'FORUM' ? liaisonAt(code) : null;
      const household =
        kind.subject === 'household'
          ? visit?.targetType === 'Household' ? visit.targetId : householdsIn.has(code) ? rng.pick(householdsIn.get(code)!).id : null
          : null;
      return household
        ? { divisionCode: code, subjectType: 'Household', subjectId: household, reporterId: reporterId ?? liaison, source, place }
        : { divisionCode: code, subjectType: 'Division', subjectId: code, reporterId: reporterId ?? liaison, source, place };
    };

    /** The course of one issue, as offsets from its report, for the department's character. */
    const course = (kind: ProblemKind, urgency: Urgency, lead: DemoDepartment, shape: Partial<Shape>): RelStep[] => {
      const span = config.deadlineHours[urgency] * HOUR;
      const resp = config.responseHours[urgency] * HOUR;
      const quality = q(lead.id);
      const steps: RelStep[] = [];
      let t = 0;
      const add = (dt: number, label: string, make: (at: Date) => PlannedStep) => {
        t = seconds(t + Math.max(MINUTE, dt));
        steps.push({ dt: t, label, make });
      };
      if (shape.reject) {
        add(span * between(rng, 0.02, 0.2), 'reject', (at) => ({ at, op: 'reject', reason: rng.pick(REJECT_REASONS) }));
        return steps;
      }
      const assignAfter = Math.min(36 * HOUR, span * between(rng, 0.02, 0.1));
      if (!shape.name && rng.chance(0.05)) {
        // Sent to the wrong unit first, then re-assigned (改派).
        const wrong = local.find((d) => d.id !== lead.id);
        if (wrong) {
          add(assignAfter, 'misassign', (at) => ({ at, op: 'assign', departmentId: wrong.id, note: '请按期办理并反馈' }));
          add(between(rng, 2 * HOUR, 20 * HOUR), 'assign', (at) => ({ at, op: 'assign', departmentId: lead.id, note: '原承办单位反映不属其职责，改派' }));
        }
      }
      if (!steps.length) add(assignAfter, 'assign', (at) => ({ at, op: 'assign', departmentId: lead.id, note: '请按期办理并反馈' }));
      // Signed for within the response limit (and early enough to leave time for the work), or late.
      const inTime = rng.chance(0.45 + 0.5 * quality);
      add(inTime ? Math.min(resp, 0.2 * span) * between(rng, 0.05, 0.9) : resp * between(rng, 1.1, 3), 'accept', (at) => ({ at, op: 'accept' }));
      add(Math.min(span * 0.1, between(rng, 0.5 * HOUR, 20 * HOUR)), 'start', (at) => ({ at, op: 'start', note: rng.pick(['已到现场核实', '已联系群众了解情况', '已制定整改方案']) }));
      if (shape.supervise || (!shape.name && rng.chance(0.03 + 0.07 * (1 - quality)))) {
        add(span * between(rng, 0.01, 0.05), 'supervise', (at) => ({ at, op: 'supervise', note: '列入重点问题督办' }));
      }
      const co = shape.joint || (!shape.name && kind.coHandlers && rng.chance(0.12)) ? coFor(kind, lead.id) : null;
      if (co) {
        add(between(rng, HOUR, span * 0.05), 'addCoHandler', (at) => ({ at, op: 'addCoHandler', departmentId: co.id }));
        add(between(rng, 0.5 * HOUR, span * 0.05), 'acceptCoHandling', (at) => ({ at, op: 'acceptCoHandling', departmentId: co.id }));
        if (shape.meeting || (!shape.name && rng.chance(0.6))) {
          const decision = `明确由${lead.name}牵头、${co.name}配合，限期办结`;
          add(span * between(rng, 0.05, 0.15), 'recordMeeting', (at) => ({ at, op: 'recordMeeting', date: chinaDate(at), departmentIds: [lead.id, co.id], decision }));
        }
      }
      if (shape.stall || (!shape.name && rng.chance(0.02 + 0.08 * (1 - quality)))) return steps;
      const coReport = co ? span * between(rng, 0.1, 0.3) : 0;
      const late = shape.late || (!shape.name && !rng.chance(0.4 + 0.55 * quality));
      if (co) add(coReport, 'reportCoHandling', (at) => ({ at, op: 'reportCoHandling', departmentId: co.id, feedback: `${co.name}已完成配合事项` }));
      // The residents are asked within a day or two (回访), soon enough for the deadline when the work was on time.
      const asked = () => Math.min(2 * DAY, span * between(rng, 0.02, 0.08));
      const left = 0.9 * span - t;
      add(late || left < 0 ? span * between(rng, 1.05, 2.5) - t : left * between(rng, 0.3, 0.9), 'resolve', (at) => ({ at, op: 'resolve', feedback: kind.feedback }));
      // The residents' verdicts (回访): a bad one sends it back; laggards leave more unsolved.
      for (let round = 0; round < 3; round++) {
        const bad = round < 2 && (round === 0 && shape.firstVerdict ? true : !shape.name && rng.chance(round === 0 ? 0.05 + 0.25 * (1 - quality) : 0.15));
        const verdict = round === 0 && shape.firstVerdict ? shape.firstVerdict : bad ? rng.pick(Object.keys(REOPEN_COMMENTS)) : null;
        const [satisfaction, solved] = verdict
          ? (verdict.split(',') as [Satisfaction, string])
          : [shape.verdict ?? (rng.chance(0.55 + 0.35 * quality) ? 'SATISFIED' : 'BASICALLY_SATISFIED'), 'true'];
        add(asked(), 'evaluate', (at) => ({ at, op: 'evaluate', satisfaction, solved: solved === 'true', comment: verdict ? REOPEN_COMMENTS[verdict] : null }));
        if (!verdict) break;
        // Laggards often leave a reopened issue lying.
        if (!shape.name && rng.chance(0.5 * (1 - quality))) break;
        add(span * between(rng, 0.1, 0.5), 'resolve', (at) => ({ at, op: 'resolve', feedback: `${kind.feedback}，已再次回访整改` }));
      }
      return steps;
    };

    const office = (date: string) => new Date(dayStart(date).getTime() + seconds(between(rng, 9 * HOUR, 17.5 * HOUR)));
    const visitWithin = (v: DemoVisit, days: number) => Math.min(now - 10 * MINUTE, office(v.date).getTime() + rng.int(0, days) * DAY);

    for (let i = 0; i < n; i++) {
      const shape: Partial<Shape> = i < GUARANTEED.length ? GUARANTEED[i] : {};
      const pool = shape.joint ? kinds.filter((k) => k.coHandlers) : shape.fixed ? kinds.filter((k) => k.fixOnTheSpot) : kinds;
      const kind = weighted(rng, pool);
      // Found on a visit: about half of what concerns households and places (a problem fixed at the door always is).
      const canVisit = kind.subject === 'household' || kind.subject === 'place';
      const fromVisit = canVisit && districtVisits.length > 0 && (shape.fixed || (!shape.name && rng.chance(0.5)));
      const visits = kind.subject === 'household' ? districtVisits.filter((v) => v.targetType === 'Household') : districtVisits;
      const visit = fromVisit && visits.length ? rng.pick(visits) : null;
      const about = subjectOf(kind, visit);
      const urgency: Urgency = shape.name && !shape.fixed ? 'GENERAL' : rng.pick(kind.urgencies);
      const lead = leadFor(kind);
      const detail = rng.pick(kind.details);
      const input = {
        title: kind.title,
        description: `${about.place}${about.subjectType === 'Household' ? '一户居民' : '群众'}反映：${detail}。`,
        category: kind.category, kind: kind.kind, source: about.source, urgency,
        divisionCode: about.divisionCode, subjectType: about.subjectType, subjectId: about.subjectId,
        reporterId: about.reporterId, visitId: visit?.id ?? null,
      };
      if (shape.fixed || (visit && kind.fixOnTheSpot && rng.chance(0.3))) {
        if (!visit) continue; // no visit in the district: nothing was fixed at a door
        issues.push({ at: new Date(visitWithin(visit, 0)), input: { ...input, urgency: rng.pick(kind.urgencies) }, fixedWith: kind.fixOnTheSpot!, steps: [] });
        continue;
      }
      const rel = course(kind, urgency, lead, shape);
      const span = config.deadlineHours[urgency] * HOUR;
      // Where now falls on the course: the report's instant follows from it.
      let t0: number;
      if (!shape.cut) {
        t0 = visit ? visitWithin(visit, 3) : seconds(between(rng, from, now - 10 * MINUTE));
      } else if ('spans' in shape.cut) {
        t0 = now - seconds(span * between(rng, shape.cut.spans[0], shape.cut.spans[1]));
      } else if (shape.cut.after === 'end') {
        const length = rel[rel.length - 1]?.dt ?? 0;
        t0 = seconds(between(rng, from, Math.max(from, now - length - HOUR)));
      } else {
        const after = shape.cut.after;
        const k = after === 'report' ? -1 : rel.map((s) => s.label).indexOf(after);
        const lo = k < 0 ? 0 : rel[k].dt;
        const hi = rel[k + 1]?.dt ?? lo + span;
        t0 = now - seconds(lo + (hi - lo) * between(rng, 0.2, 0.8));
      }
      t0 = Math.max(t0, from);
      const kept = rel.filter((s) => t0 + s.dt <= now);
      // Never left with the unit it was wrongly sent to: the ledger shows it with the one that fits.
      if (kept[kept.length - 1]?.label === 'misassign') kept.pop();
      const steps = kept.map((s) => s.make(new Date(t0 + s.dt)));
      issues.push({ at: new Date(t0), input, fixedWith: null, steps });
    }

    // 四单 demands: a few per district, every step present.
    const nDemands = Math.max(GUARANTEED_DEMANDS.length, Math.round(n / 25));
    for (let i = 0; i < nDemands; i++) {
      const kind = rng.pick(DEMAND_KINDS);
      const place = rng.pick(places);
      const dept = departmentFor(kind.departments, local, []) ?? rng.pick(local);
      const cadre = liaisonAt(place.code);
      const rel: Array<{ dt: number; make: (at: Date) => PlannedDemandStep }> = [];
      let t = 0;
      const add = (dt: number, make: (at: Date) => PlannedDemandStep) => {
        t = seconds(t + dt);
        rel.push({ dt: t, make });
      };
      add(between(rng, DAY, 5 * DAY), (at) => ({ at, op: 'openDemand' }));
      add(between(rng, DAY, 4 * DAY), (at) => ({ at, op: 'takeDemand', departmentId: dept.id, cadreId: null }));
      if (cadre && rng.chance(0.6)) add(between(rng, HOUR, DAY), (at) => ({ at, op: 'takeDemand', departmentId: null, cadreId: cadre }));
      add(between(rng, 10 * DAY, 40 * DAY), (at) => ({ at, op: 'completeDemand', result: kind.result }));
      const good = q(dept.id);
      const scores = Array.from({ length: rng.int(5, 15) }, () => Math.min(5, Math.max(1, Math.round(2.5 + 2.5 * good + between(rng, -1.2, 1.2)))));
      add(between(rng, 2 * DAY, 10 * DAY), (at) => ({ at, op: 'deliberateDemand', scores }));
      const cut = i < GUARANTEED_DEMANDS.length ? GUARANTEED_DEMANDS[i] : null;
      let t0: number;
      if (!cut) t0 = seconds(between(rng, from, now - HOUR));
      else if (cut === 'end') t0 = seconds(between(rng, from, Math.max(from, now - t - HOUR)));
      else {
        // After the order, the opening, the last take or the completion: rel is open, take, (take), complete, deliberate.
        const k = { orderDemand: -1, openDemand: 0, takeDemand: rel.length - 3, completeDemand: rel.length - 2 }[cut];
        const lo = k < 0 ? 0 : rel[k].dt;
        const hi = rel[k + 1].dt;
        t0 = now - seconds(lo + (hi - lo) * between(rng, 0.2, 0.8));
      }
      t0 = Math.max(t0, from);
      demands.push({
        at: new Date(t0), divisionCode: place.code, title: kind.title, description: `${place.name}群众点单：${kind.description}`,
        steps: rel.filter((s) => t0 + s.dt <= now).map((s) => s.make(new Date(t0 + s.dt))),
      });
    }
  }
  return { issues, demands, quality };
}
