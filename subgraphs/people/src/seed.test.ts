import { describeEachDatabase, pendingSchemaChanges } from '@cadres/kit/src/testing';
import { demo, useDemoPeople, world } from './testing';

const city = [{ __typename: 'Division', code: '370500000000' }];

describeEachDatabase('people subgraph: schema and seed', (db) => {
  const t = useDemoPeople(db);

  it('has a migrated schema that matches the entities', async () => {
    expect(await pendingSchemaChanges(t.people.ds)).toEqual([]);
  });

  it('seeds only once', async () => {
    expect(await t.people.seed(world)).toBe(false);
  });

  it('runs the demo campaign, under way on the subgraph\'s today, with its phases, rules and departments', async () => {
    const { campaigns } = await t.ok(`{ campaigns(activeOn: "2026-07-01") { totalCount nodes { id name divisionCode from to phases { name from to }
      rules { householdsPerCadre visitsPerHousehold cadresPerHomeVisit cadresPerBuildingUnit rankedLiaisonRanks areaLeadCovers }
      departments(first: 500) { totalCount } departmentsNotStarted { totalCount nodes { id } } } } }`);
    const c = demo.campaign;
    expect(campaigns).toEqual({
      totalCount: 1,
      nodes: [{
        id: c.id, name: '三解三促', divisionCode: '370500000000', from: '2026-01-01', to: '2026-12-31', phases: c.phases, rules: c.rules,
        departments: { totalCount: world.departments.length },
        departmentsNotStarted: { totalCount: 1, nodes: [{ id: c.notStartedDepartmentId }] },
      }],
    });
  });

  it('ranks the not-started department last and the laggards next, by visits per cadre in the campaign', async () => {
    const { _entities } = await t.ok(`query($c: ID!, $r: [_Any!]!) { _entities(representations: $r) { ... on Division {
      departmentRanking(measure: VISITS_PER_CADRE, campaignId: $c, ascending: true, first: 3) { nodes { value department { id } } } } } }`, { c: demo.campaign.id, r: city });
    const [first, ...next] = _entities[0].departmentRanking.nodes;
    expect(first).toEqual({ value: 0, department: { id: demo.campaign.notStartedDepartmentId } });
    for (const n of next) expect(demo.campaign.laggardDepartmentIds).toContain(n.department.id);
  });

  it('has visits to the current month, help records and stationed days in the campaign\'s activity', async () => {
    const { _entities } = await t.ok(`query($c: ID!, $r: [_Any!]!) { _entities(representations: $r) { ... on Division { activity(campaignId: $c) {
      visits peopleHelped funds contactCards researchReports cadreDays pledgesStarted pledgesOngoing pledgesDone byKind { kind count } monthly { month visits } } } } }`, { c: demo.campaign.id, r: city });
    const a = _entities[0].activity;
    const during = demo.visits.filter((v) => v.date >= demo.campaign.from && v.date <= demo.today);
    expect(a.visits).toBe(during.length);
    expect(a.monthly.filter((m: { visits: number }) => m.visits > 0).map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07']);
    const sum = (f: (r: (typeof demo.helpRecords)[number]) => number) => demo.helpRecords.reduce((n, r) => n + f(r), 0);
    expect({ peopleHelped: a.peopleHelped, fen: Math.round(a.funds * 100), contactCards: a.contactCards, researchReports: a.researchReports }).toEqual({
      peopleHelped: sum((r) => r.peopleHelped), fen: sum((r) => r.fundsFen), contactCards: sum((r) => r.contactCards), researchReports: sum((r) => r.researchReports),
    });
    // The pledges count by their own dates, as the service dates them.
    const pledgesOn = (date: (p: (typeof demo.pledges)[number]) => string | null) => demo.pledges.filter((p) => { const d = date(p); return d !== null && d >= demo.campaign.from && d <= demo.today; }).length;
    expect({ started: a.pledgesStarted, ongoing: a.pledgesOngoing, done: a.pledgesDone }).toEqual({ started: pledgesOn((p) => p.startedOn), ongoing: pledgesOn((p) => p.ongoingOn), done: pledgesOn((p) => p.doneOn) });
    expect(a.pledgesDone).toBeGreaterThan(0);
    expect(a.byKind.map((k: { kind: string }) => k.kind)).toEqual(['HOME_VISIT', 'FORUM', 'RESEARCH', 'STATIONED', 'ENTERPRISE_VISIT', 'SITE_VISIT', 'CONDOLENCE', 'PARTY_DAY', 'BUILDING_SWEEP']);
    // A stationed visit counts its days: cadre-days exceed the distinct (cadre, day) of one-day visits alone.
    expect(a.cadreDays).toBeGreaterThan(new Set(during.filter((v) => v.days === 1).flatMap((v) => v.cadreIds.map((c) => `${c}|${v.date}`))).size);
  });

  it('has township units with their 包片 leaders, first secretaries and pledges in place', async () => {
    const lead = world.areaLeads[0];
    const { _entities: [division] } = await t.ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { liaisons { role cadre { id department { id } } } pledges(first: 100) { totalCount } } } }`, { r: [{ __typename: 'Division', code: lead.divisionCode }] });
    expect(division.liaisons).toContainEqual({ role: 'AREA_LEAD', cadre: { id: lead.cadreId, department: { id: `D-${lead.divisionCode.slice(0, 9)}-01` } } });
    expect(division.pledges.totalCount).toBe(demo.pledges.filter((p) => p.divisionCode.startsWith(lead.divisionCode.slice(0, 9))).length);
    const fs = world.villageLiaisons.find((l) => l.role === 'FIRST_SECRETARY')!;
    const { cadre } = await t.ok(`query($id: ID!, $c: ID!) { cadre(id: $id) { stationedDays(campaignId: $c) } }`, { id: fs.cadreId, c: demo.campaign.id });
    const days = demo.visits.filter((v) => v.kind === 'STATIONED' && v.cadreIds[0] === fs.cadreId && v.date >= demo.campaign.from).reduce((n, v) => n + v.days, 0);
    expect(cadre.stationedDays).toBe(days);
    expect(days).toBeGreaterThan(30);
  });
});
