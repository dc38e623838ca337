// The demo ledger (seed.ts): written in bulk, it must be what the service would have written,
// tell the truth issue 11 asks of it, and carry on under the real mutations.
import { parseConfig, type Subgraph } from '@cadres/kit';
import { buildDemoPeople, buildDemoWorld } from '@cadres/demo';
import { describeEachDatabase } from '@cadres/kit/src/testing';
import { issuesSettings, type IssuesConfig } from './config';
import { CoHandler, Demand, DemandCounter, DemandEvent, DemandTaker, Issue, IssueEvent, issueStatuses, LedgerCounter, Meeting, type IssueStatus } from './entities';
import { lightOf } from './resolvers';
import { PROBLEM_KINDS } from './seed-catalog';
import { DEMO_ACTOR, demoIds, demoLedgerPlan, writeLedger } from './seed';
import { playDemands, playIssues, reportOrder, sweepInstants } from './seed-ledger';
import * as service from './service';
import { createIssuesSubgraph } from './test-owners';
import { defaultDeadline, yellowAt } from './time';
import { checkStep, sweptStatuses, targetStatus, type Step } from './workflow';

const config: IssuesConfig = parseConfig(issuesSettings, {});
/** 12:00 in China on 2026-07-01: the demo's visits run to the end of June. */
const NOW = new Date('2026-07-01T04:00:00.000Z');
const DAY = 86_400_000;

/** Every table the seed writes, with ids replaced by the issue's or demand's ref, in a stable order. */
async function ledgerOf(s: Subgraph) {
  const repo = s.ds.manager;
  const issues = await repo.find(Issue, { order: { ref: 'ASC' } });
  const demands = await repo.find(Demand, { order: { ref: 'ASC' } });
  const ref = new Map([...issues, ...demands].map((x) => [x.id, x.ref]));
  const byRef = <T extends { seq: number }>(rows: (T & { ref: string })[]) => rows.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : a.seq - b.seq));
  return {
    issues: issues.map(({ id: _, ...i }) => i),
    events: byRef((await repo.find(IssueEvent)).map(({ id: _, issueId, ...e }) => ({ ref: ref.get(issueId)!, ...e }))),
    coHandlers: byRef((await repo.find(CoHandler)).map(({ issueId, ...c }) => ({ ref: ref.get(issueId)!, ...c }))),
    meetings: byRef((await repo.find(Meeting)).map(({ id: _, issueId, ...m }) => ({ ref: ref.get(issueId)!, ...m }))),
    counters: await repo.find(LedgerCounter, { order: { districtPrefix: 'ASC', ledgerYear: 'ASC' } }),
    demands: demands.map(({ id: _, ...d }) => d),
    demandEvents: byRef((await repo.find(DemandEvent)).map(({ id: _, demandId, ...e }) => ({ ref: ref.get(demandId)!, ...e }))),
    takers: byRef((await repo.find(DemandTaker)).map(({ id: _, demandId, ...t }) => ({ ref: ref.get(demandId)!, ...t }))),
    demandCounters: await repo.find(DemandCounter, { order: { districtPrefix: 'ASC', ledgerYear: 'ASC' } }),
  };
}

/** The step of the closed loop an event's action is. */
const stepOf: Record<string, Step> = {
  ASSIGN: 'assign', REASSIGN: 'assign', ACCEPT: 'accept', START: 'start', RESOLVE: 'resolve', CLOSE: 'evaluate', REOPEN: 'evaluate', REJECT: 'reject',
  SUPERVISE: 'supervise', AUTO_SUPERVISE: 'supervise', ADD_CO_HANDLER: 'addCoHandler', ACCEPT_CO_HANDLING: 'acceptCoHandling',
  REPORT_CO_HANDLING: 'reportCoHandling', MEETING: 'recordMeeting',
};

describeEachDatabase('issues subgraph: the demo ledger', (db) => {
  // Four issues per village or community: enough for every district's departments to show their character.
  const world = buildDemoWorld({ seed: 2023, scale: 1, issues: 480 });
  const people = buildDemoPeople(world, { today: '2026-07-01' });
  let bulk: Subgraph;
  let replayed: Subgraph;
  let seeded: Subgraph;
  beforeAll(async () => {
    bulk = await createIssuesSubgraph(db, { config, now: () => NOW });
    replayed = await createIssuesSubgraph(db, { config, now: () => NOW });
    seeded = await createIssuesSubgraph(db, { config, now: () => NOW });
  });
  afterAll(async () => {
    await bulk?.stop();
    await replayed?.stop();
    await seeded?.stop();
  });

  it('writes in bulk exactly the rows the service writes for the same calls at the same instants', async () => {
    // Every guaranteed shape in every district and some of the usual kind: 100 issues.
    const { plan } = demoLedgerPlan(world, config, NOW, 100);
    const ids = demoIds(1);
    await writeLedger(bulk.ds, playIssues(plan.issues, config, NOW, DEMO_ACTOR, ids), playDemands(plan.demands, NOW, DEMO_ACTOR, ids));

    // The same plan through the service, one call at a time, with the sweep run whenever a
    // sweep every sweepSeconds would first find an issue due (between those instants it does nothing).
    const at = (t: Date): service.Actor => ({ ds: replayed.ds, now: t, actor: DEMO_ACTOR, config });
    const reload = (id: string) => replayed.ds.manager.findOneByOrFail(Issue, { id });
    for (const script of reportOrder(plan.issues)) {
      let issue = script.fixedWith === null ? await service.reportIssue(at(script.at), script.input) : await service.fixOnTheSpot(at(script.at), script.input, script.fixedWith);
      const sweep = async (from: Date, until: Date | null) => {
        for (const t of sweepInstants(config, issue, from, until, NOW)) await service.superviseOverdue(at(t));
        issue = await reload(issue.id);
      };
      await sweep(script.at, script.steps[0]?.at ?? null);
      for (const [k, s] of script.steps.entries()) {
        const a = at(s.at);
        const v = issue.version;
        switch (s.op) {
          case 'assign': issue = await service.assignIssue(a, issue.id, s.departmentId, v, s.note); break;
          case 'accept': issue = await service.acceptIssue(a, issue.id, v); break;
          case 'start': issue = await service.startIssue(a, issue.id, v, s.note); break;
          case 'resolve': issue = await service.resolveIssue(a, issue.id, v, s.feedback); break;
          case 'evaluate': issue = await service.evaluateIssue(a, issue.id, v, s.satisfaction, s.solved, s.comment); break;
          case 'reject': issue = await service.rejectIssue(a, issue.id, v, s.reason); break;
          case 'supervise': issue = await service.superviseIssue(a, issue.id, v, s.note); break;
          case 'addCoHandler': issue = await service.addCoHandler(a, issue.id, v, s.departmentId); break;
          case 'acceptCoHandling': issue = await service.acceptCoHandling(a, issue.id, v, s.departmentId); break;
          case 'reportCoHandling': issue = await service.reportCoHandling(a, issue.id, v, s.departmentId, s.feedback); break;
          case 'recordMeeting': issue = await service.recordMeeting(a, issue.id, v, s.date, s.departmentIds, s.decision); break;
        }
        await sweep(s.at, script.steps[k + 1]?.at ?? null);
      }
    }
    for (const script of reportOrder(plan.demands)) {
      let d = await service.orderDemand(at(script.at), { divisionCode: script.divisionCode, title: script.title, description: script.description });
      for (const s of script.steps) {
        const a = at(s.at);
        if (s.op === 'openDemand') d = await service.openDemand(a, d.id, d.version);
        if (s.op === 'takeDemand') d = await service.takeDemand(a, d.id, d.version, s.departmentId, s.cadreId);
        if (s.op === 'completeDemand') d = await service.completeDemand(a, d.id, d.version, s.result);
        if (s.op === 'deliberateDemand') d = await service.deliberateDemand(a, d.id, d.version, s.scores);
      }
    }

    const written = await ledgerOf(bulk);
    const expected = await ledgerOf(replayed);
    expect(written.issues.length).toBeGreaterThanOrEqual(100);
    expect(written.events.filter((e) => e.action === 'AUTO_SUPERVISE').length).toBeGreaterThan(0);
    expect(written.coHandlers.length).toBeGreaterThan(0);
    expect(written.meetings.length).toBeGreaterThan(0);
    expect(written.takers.length).toBeGreaterThan(0);
    expect(written).toEqual(expected);
  }, 300_000);

  it('seeds a ledger that its histories explain, step by step, by the closed loop', async () => {
    expect(await seeded.seed(world)).toBe(true);
    const { issues, events, counters } = await ledgerOf(seeded);
    const historyOf = new Map<string, typeof events>();
    for (const e of events) historyOf.set(e.ref, [...(historyOf.get(e.ref) ?? []), e]);
    for (const issue of issues) {
      const history = historyOf.get(issue.ref)!;
      // Replayed through the workflow rules: each event a step allowed from the status before it, leading where the table says.
      let status: IssueStatus | null = null;
      let level = 0;
      let assignee: string | null = null;
      let finishedAt: Date | null = null;
      let reopens = 0;
      history.forEach((e, k) => {
        expect(e.seq).toBe(k + 1);
        expect(e.fromStatus).toBe(status);
        if (k === 0) expect([e.action, e.toStatus]).toEqual(['REPORT', 'REPORTED']);
        else if (e.action === 'FIX_ON_THE_SPOT') expect([k, e.toStatus]).toEqual([1, 'CLOSED']);
        else {
          const step = stepOf[e.action];
          expect(() => checkStep(step, status!)).not.toThrow();
          const to = step === 'evaluate' ? targetStatus(step, { satisfied: e.action === 'CLOSE', solved: e.action === 'CLOSE' }) : targetStatus(step) ?? status;
          expect(e.toStatus).toBe(to);
          if (step === 'supervise') {
            const [from, raised] = /level (\d) -> (\d)/.exec(e.note!)!.slice(1).map(Number);
            expect([from, raised > from]).toEqual([level, true]);
            // The sweep chases only those waiting on the handling unit, and only once due.
            if (e.action === 'AUTO_SUPERVISE') expect(sweptStatuses).toContain(status);
            level = raised;
          }
          if (step === 'assign') assignee = e.note!.split(':')[0];
          if (e.action === 'REOPEN') reopens++;
        }
        if (e.toStatus === 'CLOSED' || e.toStatus === 'REJECTED') finishedAt = e.at;
        status = e.toStatus;
        expect(e.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
        if (k) expect(e.at.getTime()).toBeGreaterThanOrEqual(history[k - 1].at.getTime());
      });
      const deadline = defaultDeadline(config, issue.urgency, issue.reportedAt);
      expect({ status: issue.status, version: issue.version, supervisionLevel: issue.supervisionLevel, assigneeId: issue.assigneeId, finishedAt: issue.finishedAt, reopenCount: issue.reopenCount, deadline: issue.deadline, yellowAt: issue.yellowAt })
        .toEqual({ status, version: history.length, supervisionLevel: level, assigneeId: assignee, finishedAt, reopenCount: reopens, deadline, yellowAt: yellowAt(config, issue.reportedAt, deadline) });
    }
    // The ledger numbers: gap-free from 1 in each district and year, in report order, and the counter at the last.
    const numbers = new Map<string, Issue[]>();
    for (const i of issues as Issue[]) numbers.set(i.ref.slice(0, 11), [...(numbers.get(i.ref.slice(0, 11)) ?? []), i]);
    expect(counters.map((c) => `${c.ledgerYear}-${c.districtPrefix}:${c.lastNumber}`).sort()).toEqual([...numbers].map(([k, list]) => `${k}:${list.length}`).sort());
    for (const list of numbers.values()) {
      expect(list.map((i) => Number(i.ref.slice(12)))).toEqual(list.map((_, k) => k + 1));
      expect(list.map((i) => i.reportedAt.getTime())).toEqual(list.map((i) => i.reportedAt.getTime()).sort((a, b) => a - b));
    }
  });

  it('tells the truth: fitting departments, visits a few days before, the whole campaign, every status and light in every district', async () => {
    const issues = await seeded.ds.manager.find(Issue);
    const districts = world.divisions.filter((d) => d.level === 'DISTRICT').map((d) => d.code.slice(0, 6));
    const department = new Map(world.departments.map((d) => [d.id, d.name]));
    const visits = new Map(people.visits.map((v) => [v.id, v]));
    // A reporter serves where it reports: a cadre of the issue's district, or of the city.
    const servedBy = new Map(world.cadres.map((c) => [c.id, world.departments.find((d) => d.id === c.departmentId)!.divisionCode]));
    const reportsFor = (cadreId: string, code: string) => servedBy.get(cadreId) === '370500000000' || servedBy.get(cadreId)!.slice(0, 6) === code.slice(0, 6);
    for (const d of districts) {
      const mine = issues.filter((i) => i.divisionCode.startsWith(d));
      expect([...new Set(mine.map((i) => i.status))].sort()).toEqual([...issueStatuses].sort());
      expect([...new Set(mine.filter((i) => !i.finishedAt).map((i) => lightOf(i, NOW)))].sort()).toEqual(['GREEN', 'RED', 'YELLOW']);
      expect(mine.some((i) => i.fixedOnTheSpot)).toBe(true);
      expect(mine.some((i) => i.supervisionLevel === 3) && mine.some((i) => i.supervisionLevel === 2)).toBe(true);
    }
    // The categories lean as real ledgers do: infrastructure (roads, water), then social security.
    const byCategory = new Map<string, number>();
    for (const i of issues) byCategory.set(i.category, (byCategory.get(i.category) ?? 0) + 1);
    expect([...byCategory].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([c]) => c)).toEqual(['INFRASTRUCTURE', 'SOCIAL_SECURITY']);
    for (const i of issues) {
      // The department fits the problem: its name has one of the words the kind of problem names.
      const kind = PROBLEM_KINDS.find((k) => k.title === i.title)!;
      expect(i.category).toBe(kind.category);
      expect(kind.details.some((d) => i.description.includes(d))).toBe(true);
      if (i.assigneeId) expect([i.title, kind.departments.some((w) => department.get(i.assigneeId!)!.includes(w))]).toEqual([i.title, true]);
      if (i.reporterId) expect([i.ref, reportsFor(i.reporterId, i.divisionCode)]).toEqual([i.ref, true]);
      // Found on a visit: reported within three days of it, in its place, by one of its cadres.
      if (i.visitId) {
        const v = visits.get(i.visitId)!;
        const after = i.reportedAt.getTime() - new Date(`${v.date}T00:00:00+08:00`).getTime();
        expect([v.divisionCode, v.cadreIds.includes(i.reporterId!), after >= 0 && after < 4 * DAY]).toEqual([i.divisionCode, true, true]);
      }
    }
    expect(issues.filter((i) => i.source === 'VISIT').length).toBeGreaterThan(issues.length / 4);
    // Over the whole campaign, not all recent: every month from its first to today's holds reports (China time).
    const month = (t: Date) => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const months = new Set(issues.map((i) => month(i.reportedAt)));
    const [y0, m0] = people.campaign.from.split('-').map(Number);
    const spanned = (2026 - y0) * 12 + 7 - m0 + 1;
    expect([months.size, [...months].sort()[0]]).toEqual([spanned, people.campaign.from.slice(0, 7)]);
    // Satisfied is not solved: solved but dissatisfied, satisfied but not solved, closed basically satisfied.
    expect(issues.some((i) => i.evalSatisfaction === 'DISSATISFIED' && i.evalSolved === 1)).toBe(true);
    expect(issues.some((i) => i.evalSatisfaction !== 'DISSATISFIED' && i.evalSolved === 0)).toBe(true);
    expect(issues.some((i) => i.status === 'CLOSED' && i.evalSatisfaction === 'BASICALLY_SATISFIED')).toBe(true);
    // Departments differ: the response and on-time rates of the busy ones spread widely.
    const rates = world.departments
      .map((d) => issues.filter((i) => i.assigneeId === d.id && i.assignedAt))
      .filter((mine) => mine.length >= 10)
      .map((mine) => mine.filter((i) => i.acceptedAt && i.acceptedAt <= i.responseDeadline!).length / mine.length);
    expect(rates.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.25);
    const demands = await seeded.ds.manager.find(Demand);
    for (const d of districts) {
      expect(new Set(demands.filter((x) => x.divisionCode.startsWith(d)).map((x) => x.status)).size).toBe(5);
    }
  });

  it('lets the real mutations carry a seeded issue on, and the next report take the next number', async () => {
    const a: service.Actor = { ds: seeded.ds, now: NOW, actor: 'tester', config };
    const [assigned] = await seeded.ds.manager.find(Issue, { where: { status: 'ASSIGNED' }, order: { ref: 'ASC' }, take: 1 });
    let issue = await service.acceptIssue(a, assigned.id, assigned.version);
    issue = await service.startIssue(a, issue.id, issue.version, null);
    issue = await service.resolveIssue(a, issue.id, issue.version, '已处理');
    issue = await service.evaluateIssue(a, issue.id, issue.version, 'SATISFIED', true, null);
    expect([issue.status, issue.version, issue.finishedAt]).toEqual(['CLOSED', assigned.version + 4, NOW]);
    // A joint issue still waiting on its co-handler's report: refused until it reports, then resolved.
    const open = await seeded.ds.manager.find(CoHandler, { where: { status: 'ACCEPTED' } });
    const joint = (await seeded.ds.manager.findOneByOrFail(Issue, { id: open[0].issueId }));
    await expect(service.resolveIssue(a, joint.id, joint.version, '已处理')).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    if (joint.status !== 'IN_PROGRESS') throw new Error(`the joint issue ${joint.ref} is ${joint.status}`);
    const reported = await service.reportCoHandling(a, joint.id, joint.version, open[0].departmentId, '已配合');
    expect((await service.resolveIssue(a, joint.id, reported.version, '已处理')).status).toBe('RESOLVED');
    const series = `2026-${assigned.divisionCode.slice(0, 6)}-`;
    const numbers = (await seeded.ds.manager.find(Issue)).filter((i) => i.ref.startsWith(series)).map((i) => Number(i.ref.slice(12)));
    const next = await service.reportIssue(a, { title: '新问题', description: '新问题', category: 'OTHER', kind: 'HELP', source: 'HOTLINE', urgency: 'GENERAL', divisionCode: assigned.divisionCode });
    expect(next.ref).toBe(series + String(Math.max(...numbers) + 1).padStart(6, '0'));
  });
});
