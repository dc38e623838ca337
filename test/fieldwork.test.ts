// The field work of issue 12, walked end to end through the gateway on the demo world as its
// closing note does: a township's 包片 link, a problem fixed on the spot, an issue handled jointly
// with a meeting, one demand through the 四单 method and the published lists, a 实事 pledge, and
// the first secretaries of a district. Each step with the token of whoever does it in the field
// (README "Security → Roles"), and the exact state after it.
import { buildDemoPeople, DEMO_PROJECTS_AS_OF, type DemoWorld } from '@cadres/demo';
import { describeEachDatabase } from '@cadres/kit/src/testing';
import { creditCodeCheckChar, type Viewer } from '@cadres/kit';
import { entities as issuesEntities } from '@cadres/issues';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

/** 12:00 in China on 2026-07-01: "today" is 2026-07-01 and the year 2026. */
const NOW = new Date(`${DEMO_PROJECTS_AS_OF}T04:00:00.000Z`);
const AT = NOW.toISOString();
const DISTRICT = '370502000000'; // 东营区
const TOWNSHIP = '370502099000'; // 北桥街道
const COMMUNITY = '370502099001'; // 育园社区, in 北桥街道
const OTHER_TOWNSHIP = '370502098000'; // 汀旺街道
const LEAD = 'D-370502-03'; // 东营区住建局
const CO = 'D-370502-01'; // 东营区民政局
const BYSTANDER = 'D-370502-04'; // 东营区人社局
const TAKER = 'D-370502-05'; // 东营区农业农村局

describeEachDatabase('field work through the gateway (issue 12)', (db) => {
  let fed: RunningSupergraph;
  let world: DemoWorld;
  let people: ReturnType<typeof buildDemoPeople>;
  const tokens = new Map<string, string>();
  /** A token for `viewer`, signed once. */
  const as = async (viewer: Viewer) => {
    const key = JSON.stringify(viewer);
    if (!tokens.has(key)) tokens.set(key, await fed.token(viewer));
    return tokens.get(key)!;
  };
  const districtAdmin: Viewer = { sub: 'dy-supervision', role: 'ADMIN', scope: DISTRICT }; // 区督查室 / 组织部
  const townshipOffice: Viewer = { sub: 'beiqiao-office', role: 'ADMIN', scope: TOWNSHIP }; // 北桥街道党工委
  const department = (id: string): Viewer => ({ sub: `dept-${id}`, role: 'DEPARTMENT', scope: DISTRICT, departmentId: id });
  const cadre = (id: string): Viewer => ({ sub: `cadre-${id}`, role: 'CADRE', scope: DISTRICT, cadreId: id });
  const analyst: Viewer = { sub: 'dy-analyst', role: 'ANALYST', scope: DISTRICT };
  const partner: Viewer = { sub: 'hotline-12345', role: 'PARTNER', scope: null };

  /** The data of an operation that must succeed as `viewer`. */
  const ok = async (query: string, variables: Record<string, unknown>, viewer: Viewer) => {
    const { status, body } = await fed.request(query, variables, { token: await as(viewer) });
    if (body.errors || status !== 200) throw new Error(`${status} ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  /** The errors' extensions (code, field, …) of an operation that must fail as `viewer`, with no data written. */
  const refused = async (query: string, variables: Record<string, unknown>, viewer: Viewer) => {
    const { body } = await fed.request(query, variables, { token: await as(viewer) });
    expect(body.errors).toBeDefined();
    return body.errors.map((e: { extensions: Record<string, unknown> }) => {
      const { code, field, current, allowed } = e.extensions;
      return Object.fromEntries(Object.entries({ code, field, current, allowed }).filter(([, v]) => v !== undefined));
    });
  };

  beforeAll(async () => {
    fed = await startSupergraph(db, { now: () => new Date(NOW) });
    world = fed.world;
    people = buildDemoPeople(world);
  }, 120_000);
  afterAll(() => fed?.stop());

  // ------------------------------------------------------------------ townships and 包片

  /** The township's own unit and leader, registered by the township office (once, for the flows that need them). */
  let townshipCadre: Promise<{ departmentId: string; cadreId: string }> | undefined;
  const registerTownshipLeader = () =>
    (townshipCadre ??= (async () => {
      const dept = await ok(`mutation { registerDepartment(name: "北桥街道党工委", divisionCode: "${TOWNSHIP}") { id name divisionCode version } }`, {}, townshipOffice);
      expect(dept.registerDepartment).toEqual({ id: dept.registerDepartment.id, name: '北桥街道党工委', divisionCode: TOWNSHIP, version: 1 });
      const made = await ok(
        `mutation($d: ID!) { registerCadre(name: "王建国", rank: SECTION_LEVEL, departmentId: $d, partyMember: true) { id name rank department { id name } } }`,
        { d: dept.registerDepartment.id },
        townshipOffice,
      );
      expect(made.registerCadre).toEqual({ id: made.registerCadre.id, name: '王建国', rank: 'SECTION_LEVEL', department: { id: dept.registerDepartment.id, name: '北桥街道党工委' } });
      return { departmentId: dept.registerDepartment.id, cadreId: made.registerCadre.id };
    })());

  it("lets a township office register its leader and link it to the township (包片), and shows the link; nothing outside the township", async () => {
    const coverage = `query($d: ID!) { division(code: $d) { coverage { villagesAndCommunities withRankedLiaison cadres cadresLinked } } }`;
    const before = (await ok(coverage, { d: TOWNSHIP }, townshipOffice)).division.coverage;
    const { departmentId, cadreId } = await registerTownshipLeader();
    // The office reaches nothing outside the township: no cadre into a district unit, no link to another township.
    expect(await refused(`mutation { registerCadre(name: "越界", rank: STAFF, departmentId: "${LEAD}", partyMember: false) { id } }`, {}, townshipOffice)).toEqual([
      { code: 'FORBIDDEN', field: 'departmentId' },
    ]);
    const LINK = `mutation($c: ID!, $t: ID!) { linkCadre(cadreId: $c, targetType: "Division", targetId: $t, role: AREA_LEAD) {
      role since until cadre { id name } target { __typename ... on Division { code name } } } }`;
    expect(await refused(LINK, { c: cadreId, t: OTHER_TOWNSHIP }, townshipOffice)).toEqual([{ code: 'FORBIDDEN', field: 'targetId' }]);
    // 包片 is an area: a township, not one of its communities; and only ADMIN links (a unit links nobody).
    expect(await refused(LINK, { c: cadreId, t: COMMUNITY }, townshipOffice)).toEqual([{ code: 'BAD_USER_INPUT', field: 'targetId' }]);
    expect(await refused(LINK, { c: cadreId, t: TOWNSHIP }, department(departmentId))).toEqual([{ code: 'FORBIDDEN' }]);

    const link = await ok(LINK, { c: cadreId, t: TOWNSHIP }, townshipOffice);
    expect(link.linkCadre).toEqual({ role: 'AREA_LEAD', since: '2026-07-01', until: null, cadre: { id: cadreId, name: '王建国' }, target: { __typename: 'Division', code: TOWNSHIP, name: '北桥街道' } });
    expect(await refused(LINK, { c: cadreId, t: TOWNSHIP }, townshipOffice)).toEqual([{ code: 'CONFLICT', field: 'targetId' }]);

    // What the link shows: on the cadre and on the township, to the township and to a district reader.
    const shows = `query($c: ID!, $t: ID!) {
      cadre(id: $c) { name department { name } liaisons { role target { ... on Division { code name } } } }
      division(code: $t) { name liaisons { role cadre { name } } } }`;
    const expected = {
      cadre: { name: '王建国', department: { name: '北桥街道党工委' }, liaisons: [{ role: 'AREA_LEAD', target: { code: TOWNSHIP, name: '北桥街道' } }] },
      division: { name: '北桥街道', liaisons: [{ role: 'AREA_LEAD', cadre: { name: '王建国' } }] },
    };
    expect(await ok(shows, { c: cadreId, t: TOWNSHIP }, townshipOffice)).toEqual(expected);
    expect(await ok(shows, { c: cadreId, t: TOWNSHIP }, analyst)).toEqual(expected);
    // Coverage under the default rules counts a village by its own liaison (areaLeadCovers: false):
    // the leader is one more cadre of the township, linked to no village or community itself.
    expect((await ok(coverage, { d: TOWNSHIP }, townshipOffice)).division.coverage).toEqual({ ...before, cadres: before.cadres + 1 });
  });

  it('counts 包片 in coverage when the campaign says so (areaLeadCovers): a ranked AREA_LEAD covers its township\'s villages and communities', async () => {
    // A township of the city with a village or community nobody ranked is linked to (东营区 has none).
    const cityAdmin: Viewer = { sub: 'city-organisation', role: 'ADMIN', scope: '370500000000' };
    const UNCOVERED = `query($d: ID!) { division(code: $d) { coverage { uncovered(first: 500) { nodes { code } } } } }`;
    const uncovered: string[] = (await ok(UNCOVERED, { d: '370500000000' }, cityAdmin)).division.coverage.uncovered.nodes.map((n: { code: string }) => n.code);
    const township = `${uncovered[0].slice(0, 9)}000`;
    const grassroots = world.divisions.filter((d) => d.parentCode === township).map((d) => d.code).sort();
    const stillUncovered = uncovered.filter((code) => code.startsWith(township.slice(0, 9)));
    expect(stillUncovered.length).toBeGreaterThan(0);
    const districtAdmin: Viewer = { sub: 'district-organisation', role: 'ADMIN', scope: `${township.slice(0, 6)}000000` };

    // The demo's own 包片 leader of the township steps down first, so the cadres below are its only ones.
    for (const l of world.areaLeads.filter((a) => a.divisionCode === township)) {
      expect((await ok(`mutation($l: ID!) { unlinkCadre(liaisonId: $l) { until } }`, { l: l.id }, districtAdmin)).unlinkCadre.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const dept = (await ok(`mutation { registerDepartment(name: "包片办", divisionCode: "${township}") { id } }`, {}, districtAdmin)).registerDepartment.id;
    const lead = (await ok(`mutation($d: ID!) { registerCadre(name: "包片干部", rank: SECTION_LEVEL, departmentId: $d, partyMember: true) { id } }`, { d: dept }, districtAdmin)).registerCadre.id;
    const staff = (await ok(`mutation($d: ID!) { registerCadre(name: "包片科员", rank: STAFF, departmentId: $d, partyMember: true) { id } }`, { d: dept }, districtAdmin)).registerCadre.id;
    const LINK = `mutation($c: ID!, $t: ID!) { linkCadre(cadreId: $c, targetType: "Division", targetId: $t, role: AREA_LEAD) { role } }`;
    const CAMPAIGN = `mutation($a: Boolean!) { createCampaign(input: { name: "包片", divisionCode: "${township}", from: "2026-01-01", to: "2026-12-31", rules: { areaLeadCovers: $a } }) { id } }`;
    const on = (await ok(CAMPAIGN, { a: true }, districtAdmin)).createCampaign.id;
    const off = (await ok(CAMPAIGN, { a: false }, districtAdmin)).createCampaign.id;
    const IN = `query($d: ID!, $c: ID!) { division(code: $d) { coverageIn(campaignId: $c) { villagesAndCommunities withRankedLiaison uncovered(first: 500) { nodes { code } } } } }`;
    const coverageIn = async (c: string) => (await ok(IN, { d: township, c }, districtAdmin)).division.coverageIn;
    const uncoveredNow = { villagesAndCommunities: grassroots.length, withRankedLiaison: grassroots.length - stillUncovered.length, uncovered: { nodes: stillUncovered.map((code) => ({ code })) } };

    // A STAFF cadre's 包片 is not a ranked liaison: nothing moves, under either rule.
    expect((await ok(LINK, { c: staff, t: township }, districtAdmin)).linkCadre.role).toBe('AREA_LEAD');
    expect(await coverageIn(on)).toEqual(uncoveredNow);
    // The SECTION_LEVEL cadre's covers the whole township, but only where the campaign's rules say so.
    expect((await ok(LINK, { c: lead, t: township }, districtAdmin)).linkCadre.role).toBe('AREA_LEAD');
    expect(await coverageIn(on)).toEqual({ villagesAndCommunities: grassroots.length, withRankedLiaison: grassroots.length, uncovered: { nodes: [] } });
    expect(await coverageIn(off)).toEqual(uncoveredNow);
    // Division.coverage keeps today's rules (areaLeadCovers: false).
    const stillThere: string[] = (await ok(UNCOVERED, { d: township }, districtAdmin)).division.coverage.uncovered.nodes.map((n: { code: string }) => n.code);
    expect(stillThere).toEqual(stillUncovered);
  });

  // ------------------------------------------------------------------ fix on the spot

  it('records a problem fixed on the spot: in the ledger with its visit, subject and reporter, closed, counted found and solved', async () => {
    // A household of the community and the two cadres who visit it (组团式).
    const household = people.households.find((h) => h.divisionCode === COMMUNITY)!;
    const pair = people.visits.find((v) => v.kind === 'HOME_VISIT' && v.targetId === household.id)!.cadreIds;
    const finder = cadre(pair[0]);
    const STATS = `query($d: ID!) {
      issueStats(divisionCode: $d, from: "2026-07-01", to: "2026-07-01") { total open closed evaluated solved satisfied closedOnTime fromVisits fixedOnTheSpot }
      division(code: $d) { activity(from: "2026-07-01", to: "2026-07-01") { visits personTimes householdsVisited byKind { kind count } } } }`;
    const before = await ok(STATS, { d: COMMUNITY }, districtAdmin);

    const visit = await ok(
      `mutation($c: [ID!]!, $h: ID!) { recordVisit(kind: HOME_VISIT, date: "2026-07-01", cadreIds: $c, targetType: "Household", targetId: $h, idempotencyKey: "visit-0701-1") { id } }`,
      { c: pair, h: household.id },
      finder,
    );
    const visitId = visit.recordVisit.id;
    const FIX = `mutation($input: ReportIssueInput!) { fixOnTheSpot(input: $input, feedback: "当场联系物业疏通下水道") {
      id ref status fixedOnTheSpot light feedback source division { code } visit { id } reporter { id }
      subject { __typename ... on Household { id } } history { action fromStatus toStatus actor note } } }`;
    const input = {
      title: '楼道下水道堵塞', description: '走访中群众反映楼道下水道堵塞', category: 'INFRASTRUCTURE', kind: 'HELP', source: 'VISIT', urgency: 'GENERAL',
      divisionCode: COMMUNITY, subjectType: 'Household', subjectId: household.id, reporterId: pair[0], visitId, idempotencyKey: `fix-${db.kind}-1`,
    };
    // A cadre reports as itself only.
    expect(await refused(FIX, { input: { ...input, reporterId: pair[1] } }, finder)).toEqual([{ code: 'FORBIDDEN', field: 'input.reporterId' }]);
    // Nor does a cadre who was not on the visit count the fix as its own.
    const stranger = world.cadres.find((c) => c.departmentId.startsWith('D-370502') && !pair.includes(c.id))!.id;
    expect(await refused(FIX, { input: { ...input, reporterId: stranger } }, cadre(stranger))).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.reporterId' }]);
    const fixed = (await ok(FIX, { input }, finder)).fixOnTheSpot;
    expect(fixed).toEqual({
      id: fixed.id, ref: expect.stringMatching(/^2026-370502-\d{6}$/), status: 'CLOSED', fixedOnTheSpot: true, light: 'GREEN', feedback: '当场联系物业疏通下水道',
      source: 'VISIT', division: { code: COMMUNITY }, visit: { id: visitId }, reporter: { id: pair[0] }, subject: { __typename: 'Household', id: household.id },
      history: [
        { action: 'REPORT', fromStatus: null, toStatus: 'REPORTED', actor: finder.sub, note: null },
        { action: 'FIX_ON_THE_SPOT', fromStatus: 'REPORTED', toStatus: 'CLOSED', actor: finder.sub, note: '当场联系物业疏通下水道' },
      ],
    });
    // A retry from a phone with poor signal is the same issue, never a second.
    const rows = () => fed.subgraphs.issues.ds.getRepository(issuesEntities.Issue).countBy({ divisionCode: COMMUNITY });
    const count = await rows();
    expect((await ok(FIX, { input }, finder)).fixOnTheSpot).toEqual(fixed);
    expect(await rows()).toBe(count);

    // In the ledger: the household's issues, the visit's, the closed issues of the community.
    const ledger = await ok(
      `query($h: ID!, $d: ID!) { household(id: $h) { issues(first: 5) { nodes { id status fixedOnTheSpot } } }
        issues(divisionCode: $d, filter: { status: [CLOSED], from: "2026-07-01" }) { totalCount nodes { id } } }`,
      { h: household.id, d: COMMUNITY },
      districtAdmin,
    );
    expect(ledger.household.issues.nodes[0]).toEqual({ id: fixed.id, status: 'CLOSED', fixedOnTheSpot: true });
    expect(ledger.issues.nodes.map((n: { id: string }) => n.id)).toContain(fixed.id);
    const after = await ok(STATS, { d: COMMUNITY }, districtAdmin);
    const s = before.issueStats;
    // Found (from a visit) and solved: closed on time, evaluated, solved and satisfied; never open.
    expect(after.issueStats).toEqual({
      ...s, total: s.total + 1, closed: s.closed + 1, evaluated: s.evaluated + 1, solved: s.solved + 1, satisfied: s.satisfied + 1,
      closedOnTime: s.closedOnTime + 1, fromVisits: s.fromVisits + 1, fixedOnTheSpot: s.fixedOnTheSpot + 1,
    });
    // The visit it was fixed during counts in the community's activity: one visit, two person-times.
    const a = before.division.activity;
    const homeVisits = (byKind: { kind: string; count: number }[]) => byKind.find((k) => k.kind === 'HOME_VISIT')?.count ?? 0;
    expect(after.division.activity).toEqual({
      visits: a.visits + 1, personTimes: a.personTimes + 2,
      householdsVisited: a.householdsVisited + (people.visits.some((v) => v.targetId === household.id && v.date === '2026-07-01') ? 0 : 1),
      byKind: expect.arrayContaining([{ kind: 'HOME_VISIT', count: homeVisits(a.byKind) + 1 }]),
    });
    // And the visit shows the issue it raised.
    const visits = await ok(`query($h: ID!) { household(id: $h) { visits(from: "2026-07-01", to: "2026-07-01") { nodes { id raisedIssues { id fixedOnTheSpot } } } } }`, { h: household.id }, districtAdmin);
    expect(visits.household.visits.nodes.find((v: { id: string }) => v.id === visitId)).toEqual({ id: visitId, raisedIssues: [{ id: fixed.id, fixedOnTheSpot: true }] });
  });

  // ------------------------------------------------------------------ joint handling and a meeting

  it('handles an issue jointly: the co-handler signs and reports, resolve waits for it, the meeting is in the history, coHandled counted', async () => {
    const ISSUE = `id ref status version assignee { id } coHandlers { department { id name } status feedback } meetings { date departments { id name } decision at }
      history { action fromStatus toStatus actor note }`;
    const step = async (mutation: string, variables: Record<string, unknown>, viewer: Viewer) => Object.values(await ok(mutation, variables, viewer))[0] as any;
    const COUNTS = `query($l: ID!, $c: ID!, $b: ID!, $d: ID!) {
      lead: department(id: $l) { issueStats { total assigned coHandled } }
      co: department(id: $c) { issueStats { total assigned coHandled } }
      bystander: department(id: $b) { issueStats { total assigned coHandled } }
      issueStats(divisionCode: $d) { total coHandled } }`;
    const before = await ok(COUNTS, { l: LEAD, c: CO, b: BYSTANDER, d: COMMUNITY }, districtAdmin);

    // The supervision office reports and assigns it to 住建局 (lead), which signs for it and starts.
    const reported = await step(
      `mutation { reportIssue(input: { title: "老旧小区加装电梯", description: "三号楼居民申请加装电梯，涉及规划、资金与困难户补助", category: HOUSING, kind: HELP,
        source: FORUM, urgency: COMPLEX, divisionCode: "${COMMUNITY}", subjectType: "Division", subjectId: "${COMMUNITY}" }) { ${ISSUE} } }`,
      {}, districtAdmin,
    );
    const id = reported.id;
    expect(reported).toMatchObject({ status: 'REPORTED', version: 1, assignee: null, coHandlers: [], meetings: [] });
    let issue = await step(`mutation($id: ID!) { assignIssue(id: $id, departmentId: "${LEAD}", expectedVersion: 1) { ${ISSUE} } }`, { id }, districtAdmin);
    issue = await step(`mutation($id: ID!) { acceptIssue(id: $id, expectedVersion: 2) { ${ISSUE} } }`, { id }, department(LEAD));
    issue = await step(`mutation($id: ID!) { startIssue(id: $id, expectedVersion: 3) { ${ISSUE} } }`, { id }, department(LEAD));
    expect(issue).toMatchObject({ status: 'IN_PROGRESS', version: 4, assignee: { id: LEAD }, coHandlers: [], meetings: [] });

    // 民政局 joins as co-handler (ADMIN adds it; not the lead, not twice).
    const ADD = `mutation($id: ID!, $v: Int!, $d: ID!) { addCoHandler(id: $id, expectedVersion: $v, departmentId: $d) { ${ISSUE} } }`;
    expect(await refused(ADD, { id, v: 4, d: CO }, department(LEAD))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(await refused(ADD, { id, v: 4, d: LEAD }, districtAdmin)).toEqual([{ code: 'BAD_USER_INPUT', field: 'departmentId' }]);
    issue = await step(ADD, { id, v: 4, d: CO }, districtAdmin);
    const coName = world.departments.find((d) => d.id === CO)!.name;
    expect(issue).toMatchObject({ status: 'IN_PROGRESS', version: 5, coHandlers: [{ department: { id: CO, name: coName }, status: 'ASSIGNED', feedback: null }] });
    expect(await refused(ADD, { id, v: 5, d: CO }, districtAdmin)).toEqual([{ code: 'CONFLICT', field: 'departmentId' }]);

    // Only the co-handler itself signs for its part, and it reports only once it has signed.
    const ACCEPT = `mutation($id: ID!, $v: Int!) { acceptCoHandling(id: $id, expectedVersion: $v) { ${ISSUE} } }`;
    const REPORT = `mutation($id: ID!, $v: Int!) { reportCoHandling(id: $id, expectedVersion: $v, feedback: "已为两户困难家庭落实加装补助") { ${ISSUE} } }`;
    const RESOLVE = `mutation($id: ID!, $v: Int!) { resolveIssue(id: $id, expectedVersion: $v, feedback: "电梯已开工") { ${ISSUE} } }`;
    expect(await refused(ACCEPT, { id, v: 5 }, department(BYSTANDER))).toEqual([{ code: 'FORBIDDEN' }]);
    // (INVALID_TRANSITION names the issue's status and the steps it allows besides the one refused.)
    const inProgress = ['resolve', 'extendDeadline', 'supervise', 'requestExtension', 'decideExtension', 'addCoHandler', 'acceptCoHandling', 'reportCoHandling', 'recordMeeting'];
    const besides = (step: string) => ({ code: 'INVALID_TRANSITION', current: 'IN_PROGRESS', allowed: inProgress.filter((s) => s !== step) });
    expect(await refused(REPORT, { id, v: 5 }, department(CO))).toEqual([besides('reportCoHandling')]);
    // The lead cannot resolve while its co-handler has not reported; the refusal names the co-handler.
    const waiting = await refused(RESOLVE, { id, v: 5 }, department(LEAD));
    expect(waiting).toEqual([besides('resolve')]);
    const { body: why } = await fed.request(RESOLVE, { id, v: 5 }, { token: await as(department(LEAD)) });
    expect(why.errors[0].message).toBe(`${reported.ref} waits for its co-handlers to report: ${CO}`);
    issue = await step(ACCEPT, { id, v: 5 }, department(CO));
    expect(issue).toMatchObject({ version: 6, coHandlers: [{ department: { id: CO }, status: 'ACCEPTED', feedback: null }] });
    expect(await refused(RESOLVE, { id, v: 6 }, department(LEAD))).toEqual(waiting);

    // The lead records the coordination meeting (联席会议) of both departments.
    const MEET = `mutation($id: ID!, $v: Int!, $d: [ID!]!) { recordMeeting(id: $id, expectedVersion: $v, date: "2026-06-30", departmentIds: $d, decision: "住建局牵头施工，民政局落实困难户补助") { ${ISSUE} } }`;
    expect(await refused(MEET, { id, v: 6, d: [LEAD, CO] }, department(CO))).toEqual([{ code: 'FORBIDDEN' }]);
    issue = await step(MEET, { id, v: 6, d: [LEAD, CO] }, department(LEAD));
    const leadName = world.departments.find((d) => d.id === LEAD)!.name;
    expect(issue).toMatchObject({
      version: 7,
      meetings: [{ date: '2026-06-30', departments: [{ id: LEAD, name: leadName }, { id: CO, name: coName }], decision: '住建局牵头施工，民政局落实困难户补助', at: AT }],
    });
    issue = await step(REPORT, { id, v: 7 }, department(CO));
    expect(issue).toMatchObject({ version: 8, coHandlers: [{ department: { id: CO }, status: 'REPORTED', feedback: '已为两户困难家庭落实加装补助' }] });
    // Every co-handler has reported: the lead resolves, the return visit closes it.
    issue = await step(RESOLVE, { id, v: 8 }, department(LEAD));
    expect(issue).toMatchObject({ status: 'RESOLVED', version: 9 });
    issue = await step(`mutation($id: ID!) { evaluateIssue(id: $id, expectedVersion: 9, satisfaction: SATISFIED, solved: true) { ${ISSUE} } }`, { id }, districtAdmin);
    expect(issue).toEqual({
      id, ref: reported.ref, status: 'CLOSED', version: 10, assignee: { id: LEAD },
      coHandlers: [{ department: { id: CO, name: coName }, status: 'REPORTED', feedback: '已为两户困难家庭落实加装补助' }],
      meetings: [{ date: '2026-06-30', departments: [{ id: LEAD, name: leadName }, { id: CO, name: coName }], decision: '住建局牵头施工，民政局落实困难户补助', at: AT }],
      history: [
        { action: 'REPORT', fromStatus: null, toStatus: 'REPORTED', actor: districtAdmin.sub, note: null },
        { action: 'ASSIGN', fromStatus: 'REPORTED', toStatus: 'ASSIGNED', actor: districtAdmin.sub, note: LEAD },
        { action: 'ACCEPT', fromStatus: 'ASSIGNED', toStatus: 'ACCEPTED', actor: department(LEAD).sub, note: null },
        { action: 'START', fromStatus: 'ACCEPTED', toStatus: 'IN_PROGRESS', actor: department(LEAD).sub, note: null },
        { action: 'ADD_CO_HANDLER', fromStatus: 'IN_PROGRESS', toStatus: 'IN_PROGRESS', actor: districtAdmin.sub, note: CO },
        { action: 'ACCEPT_CO_HANDLING', fromStatus: 'IN_PROGRESS', toStatus: 'IN_PROGRESS', actor: department(CO).sub, note: CO },
        { action: 'MEETING', fromStatus: 'IN_PROGRESS', toStatus: 'IN_PROGRESS', actor: department(LEAD).sub, note: '2026-06-30: 住建局牵头施工，民政局落实困难户补助' },
        { action: 'REPORT_CO_HANDLING', fromStatus: 'IN_PROGRESS', toStatus: 'IN_PROGRESS', actor: department(CO).sub, note: `${CO}: 已为两户困难家庭落实加装补助` },
        { action: 'RESOLVE', fromStatus: 'IN_PROGRESS', toStatus: 'RESOLVED', actor: department(LEAD).sub, note: '电梯已开工' },
        { action: 'CLOSE', fromStatus: 'RESOLVED', toStatus: 'CLOSED', actor: districtAdmin.sub, note: 'SATISFIED, solved' },
      ],
    });

    // coHandled counts for the co-handler only (its other counts stay those of the issues it leads), and for the community.
    const after = await ok(COUNTS, { l: LEAD, c: CO, b: BYSTANDER, d: COMMUNITY }, districtAdmin);
    const plus = (s: { total: number; assigned: number; coHandled: number }, total: number, assigned: number, coHandled: number) =>
      ({ total: s.total + total, assigned: s.assigned + assigned, coHandled: s.coHandled + coHandled });
    expect(after).toEqual({
      lead: { issueStats: plus(before.lead.issueStats, 1, 1, 0) },
      co: { issueStats: plus(before.co.issueStats, 0, 0, 1) },
      bystander: before.bystander,
      issueStats: { total: before.issueStats.total + 1, coHandled: before.issueStats.coHandled + 1 },
    });
  });

  // ------------------------------------------------------------------ the 四单 method and the published lists

  it('walks a demand through 点单 → 开单 → 接单 → 议单, and publishes the three lists without personal data to every role', async () => {
    const DEMAND = `id ref title description status version division { code } takers { department { id } cadre { id } } result deliberation { count average satisfactionRate }
      history { action actor note }`;
    const LISTS = `query($d: ID!) {
      needs: division(code: $d) { publishedList(list: NEEDS) { totalCount nodes { ref title division { code } status handledBy result at } } }
      rectification: division(code: $d) { publishedList(list: RECTIFICATION) { totalCount nodes { ref title division { code } status handledBy result at } } }
      results: division(code: $d) { publishedList(list: RESULTS) { totalCount nodes { ref title division { code } status handledBy result at } } } }`;
    const lists = async (viewer: Viewer, d = place) => {
      const r = await ok(LISTS, { d }, viewer);
      return r.needs && { needs: r.needs.publishedList, rectification: r.rectification.publishedList, results: r.results.publishedList };
    };
    const empty = { totalCount: 0, nodes: [] };
    const only = (item: Record<string, unknown>) => ({ totalCount: 1, nodes: [item] });
    const step = async (mutation: string, variables: Record<string, unknown>, viewer: Viewer) => Object.values(await ok(mutation, variables, viewer))[0] as any;
    // A community of the district that has no demand in the demo ledger yet, with households, and its office (ADMIN scoped to it).
    const seeded = new Set((await fed.subgraphs.issues.ds.getRepository(issuesEntities.Demand).find()).map((d) => d.divisionCode));
    const place = world.divisions.find((d) => d.level === 'COMMUNITY' && d.code.startsWith('370502') && !seeded.has(d.code) && people.households.some((h) => h.divisionCode === d.code))!.code;
    const office: Viewer = { sub: `office-${place}`, role: 'ADMIN', scope: place };
    // A community cadre (one who visits its households) enters the residents' order; the community's unit takes it with a cadre.
    const householder = people.households.find((h) => h.divisionCode === place)!;
    const communityCadre = people.visits.find((v) => v.kind === 'HOME_VISIT' && v.targetId === householder.id)!.cadreIds[0];
    const orderer = cadre(communityCadre);
    expect(await lists(partner)).toEqual({ needs: empty, rectification: empty, results: empty });

    // 点单: ORDERED, not yet in any list.
    const ORDER = `mutation { orderDemand(divisionCode: "${place}", title: "小区增设电动车充电桩", description: "居民李某（电话 13800000000）反映：电动车在楼道充电，存在安全隐患", idempotencyKey: "order-1") { ${DEMAND} } }`;
    const ordered = await step(ORDER, {}, orderer);
    expect(ordered).toEqual({
      id: ordered.id, ref: expect.stringMatching(/^D-2026-370502-\d{6}$/), title: '小区增设电动车充电桩', description: '居民李某（电话 13800000000）反映：电动车在楼道充电，存在安全隐患',
      status: 'ORDERED', version: 1, division: { code: place }, takers: [], result: null, deliberation: null,
      history: [{ action: 'ORDER', actor: orderer.sub, note: null }],
    });
    expect(await step(ORDER, {}, orderer)).toEqual(ordered); // a retry is the same order
    const id = ordered.id;
    expect(await lists(partner)).toEqual({ needs: empty, rectification: empty, results: empty });

    // 开单: the community opens it; it is on the demand list (需求清单).
    const OPEN = `mutation($id: ID!, $v: Int!) { openDemand(id: $id, expectedVersion: $v) { ${DEMAND} } }`;
    expect(await refused(OPEN, { id, v: 1 }, orderer)).toEqual([{ code: 'FORBIDDEN' }]);
    let demand = await step(OPEN, { id, v: 1 }, office);
    expect(demand).toMatchObject({ status: 'OPENED', version: 2, takers: [], history: [{ action: 'ORDER' }, { action: 'OPEN', actor: office.sub, note: null }] });
    const line = { ref: ordered.ref, title: '小区增设电动车充电桩', division: { code: place }, at: AT };
    expect(await lists(partner)).toEqual({ needs: only({ ...line, status: 'OPENED', handledBy: [], result: null }), rectification: empty, results: empty });

    // 接单: the district's 农业农村局 takes it as itself, and the community cadre joins; on the rectification list (整改清单).
    const TAKE = `mutation($id: ID!, $v: Int!, $d: ID, $c: ID) { takeDemand(id: $id, expectedVersion: $v, departmentId: $d, cadreId: $c) { ${DEMAND} } }`;
    expect(await refused(TAKE, { id, v: 2, d: TAKER }, department(BYSTANDER))).toEqual([{ code: 'FORBIDDEN', field: 'departmentId' }]);
    demand = await step(TAKE, { id, v: 2, d: TAKER }, department(TAKER));
    demand = await step(TAKE, { id, v: 3, c: communityCadre }, orderer);
    expect(demand).toMatchObject({ status: 'TAKEN', version: 4, takers: [{ department: { id: TAKER }, cadre: null }, { department: null, cadre: { id: communityCadre } }] });
    expect(await refused(TAKE, { id, v: 4, d: TAKER }, department(TAKER))).toEqual([{ code: 'CONFLICT', field: 'departmentId' }]);
    // The cadre is a person: the list names the department only.
    const taken = { ...line, status: 'TAKEN', handledBy: [TAKER], result: null };
    expect(await lists(partner)).toEqual({ needs: only(taken), rectification: only(taken), results: empty });

    // 办结 by a taker: on the results list (结果清单) with its result.
    const COMPLETE = `mutation($id: ID!, $v: Int!) { completeDemand(id: $id, expectedVersion: $v, result: "已在小区东侧建成充电棚，可同时为40辆车充电") { ${DEMAND} } }`;
    expect(await refused(COMPLETE, { id, v: 4 }, department(BYSTANDER))).toEqual([{ code: 'FORBIDDEN' }]);
    demand = await step(COMPLETE, { id, v: 4 }, department(TAKER));
    expect(demand).toMatchObject({ status: 'DONE', version: 5, result: '已在小区东侧建成充电棚，可同时为40辆车充电' });
    const done = { ...line, status: 'DONE', handledBy: [TAKER], result: '已在小区东侧建成充电棚，可同时为40辆车充电' };
    expect(await lists(partner)).toEqual({ needs: only(done), rectification: empty, results: only(done) });

    // 议单: residents' scores, recorded by the community (a taker never deliberates its own work).
    const DELIBERATE = `mutation($id: ID!, $v: Int!) { deliberateDemand(id: $id, expectedVersion: $v, scores: [5, 4, 5, 3]) { ${DEMAND} } }`;
    expect(await refused(DELIBERATE, { id, v: 5 }, department(TAKER))).toEqual([{ code: 'FORBIDDEN' }]);
    demand = await step(DELIBERATE, { id, v: 5 }, office);
    expect(demand).toEqual({
      ...ordered, status: 'DELIBERATED', version: 6,
      takers: [{ department: { id: TAKER }, cadre: null }, { department: null, cadre: { id: communityCadre } }],
      result: '已在小区东侧建成充电棚，可同时为40辆车充电', deliberation: { count: 4, average: 4.25, satisfactionRate: 0.75 },
      history: [
        { action: 'ORDER', actor: orderer.sub, note: null },
        { action: 'OPEN', actor: office.sub, note: null },
        { action: 'TAKE', actor: department(TAKER).sub, note: TAKER },
        { action: 'TAKE', actor: orderer.sub, note: communityCadre },
        { action: 'COMPLETE', actor: department(TAKER).sub, note: '已在小区东侧建成充电棚，可同时为40辆车充电' },
        { action: 'DELIBERATE', actor: office.sub, note: '4 scores, average 4.25' },
      ],
    });
    expect(await refused(DELIBERATE, { id, v: 6 }, office)).toEqual([{ code: 'INVALID_TRANSITION', current: 'DELIBERATED', allowed: [] }]);

    // Queryable by division with its status and takers.
    const byDivision = await ok(`query($d: ID!) { division(code: $d) { demands(status: [DELIBERATED]) { totalCount nodes { id status takers { department { id } cadre { id } } } } } }`, { d: place }, office);
    expect(byDivision.division.demands).toEqual({ totalCount: 1, nodes: [{ id, status: 'DELIBERATED', takers: demand.takers }] });

    // The lists as published: the same to every role, however low, in its scope; nothing about a person.
    const published = { needs: only({ ...done, status: 'DELIBERATED' }), rectification: empty, results: only({ ...done, status: 'DELIBERATED' }) };
    for (const viewer of [partner, analyst, department(BYSTANDER), cadre(world.cadres.find((c) => c.departmentId === BYSTANDER)!.id), office]) {
      expect({ viewer: viewer.sub, lists: await lists(viewer) }).toEqual({ viewer: viewer.sub, lists: published });
    }
    const text = JSON.stringify(await lists(partner, DISTRICT));
    for (const personal of ['李某', '13800000000', orderer.sub, communityCadre]) expect(text).not.toContain(personal);
    const fields = await ok(`{ __type(name: "PublishedItem") { fields { name } } }`, {}, partner);
    expect(fields.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(['at', 'division', 'handledBy', 'ref', 'result', 'status', 'title']);
    // Another district's reader does not reach the community at all; the demand itself stays hidden from the hotline.
    const elsewhere: Viewer = { sub: 'hk-analyst', role: 'ANALYST', scope: '370503000000' };
    expect(await ok(LISTS, { d: place }, elsewhere)).toEqual({ needs: null, rectification: null, results: null });
    expect(await ok(`query($id: ID!) { demand(id: $id) { id } }`, { id }, partner)).toEqual({ demand: null });
  });

  // ------------------------------------------------------------------ 实事 pledges

  it('takes a 实事 pledge through its states, led by the township leader, and lists and counts it', async () => {
    const { departmentId, cadreId } = await registerTownshipLeader();
    const leader = cadre(cadreId);
    const PLEDGE = `id title division { code name } leadCadre { id name } targetDate status version`;
    const ACTIVITY = `query($d: ID!, $dept: ID!) {
      division(code: $d) { activity(from: "2026-07-01", to: "2026-07-01") { pledgesStarted pledgesOngoing pledgesDone } }
      department(id: $dept) { activity(from: "2026-07-01", to: "2026-07-01") { pledgesStarted pledgesOngoing pledgesDone } } }`;
    const counts = async () => {
      const r = await ok(ACTIVITY, { d: TOWNSHIP, dept: departmentId }, townshipOffice);
      return { division: r.division.activity, department: r.department.activity };
    };
    const figures = (pledgesStarted: number, pledgesOngoing: number, pledgesDone: number) => ({ pledgesStarted, pledgesOngoing, pledgesDone });
    expect(await counts()).toEqual({ division: figures(0, 0, 0), department: figures(0, 0, 0) });

    const CREATE = `mutation($c: ID!, $d: ID!) { createPledge(title: "为育园社区老年人开办助餐点", divisionCode: $d, leadCadreId: $c, targetDate: "2026-09-30") { ${PLEDGE} } }`;
    // The township office pledges inside the township only; the leader does not pledge for itself.
    expect(await refused(CREATE, { c: cadreId, d: '370502098001' }, townshipOffice)).toEqual([{ code: 'FORBIDDEN', field: 'divisionCode' }]);
    expect(await refused(CREATE, { c: cadreId, d: COMMUNITY }, leader)).toEqual([{ code: 'FORBIDDEN' }]);
    const made = (await ok(CREATE, { c: cadreId, d: COMMUNITY }, townshipOffice)).createPledge;
    const pledge = { id: made.id, title: '为育园社区老年人开办助餐点', division: { code: COMMUNITY, name: '育园社区' }, leadCadre: { id: cadreId, name: '王建国' }, targetDate: '2026-09-30' };
    expect(made).toEqual({ ...pledge, status: 'PLANNED', version: 1 });
    expect(await counts()).toEqual({ division: figures(1, 0, 0), department: figures(1, 0, 0) });

    // The leader moves it on: routine work (常态化), then done; only along the states, at the version it read.
    const SET = `mutation($id: ID!, $v: Int!, $s: PledgeStatus!) { setPledgeStatus(id: $id, expectedVersion: $v, status: $s) { ${PLEDGE} } }`;
    const otherCadre = people.visits.find((v) => v.kind === 'HOME_VISIT' && v.divisionCode === COMMUNITY)!.cadreIds[0];
    expect(await refused(SET, { id: made.id, v: 1, s: 'ONGOING' }, cadre(otherCadre))).toEqual([{ code: 'FORBIDDEN', field: 'id' }]);
    expect((await ok(SET, { id: made.id, v: 1, s: 'ONGOING' }, leader)).setPledgeStatus).toEqual({ ...pledge, status: 'ONGOING', version: 2 });
    expect(await counts()).toEqual({ division: figures(1, 1, 0), department: figures(1, 1, 0) });
    expect(await refused(SET, { id: made.id, v: 1, s: 'DONE' }, leader)).toEqual([{ code: 'CONFLICT', field: 'expectedVersion' }]);
    const ongoing = await ok(`query($d: ID!, $c: ID!) { division(code: $d) { pledges(status: ONGOING) { totalCount nodes { id status } } } cadre(id: $c) { pledges { id status version } } }`,
      { d: TOWNSHIP, c: cadreId }, analyst);
    // Beside the demo world's own pledges of the township.
    const demoPledges = (prefix: string, status?: string) => people.pledges.filter((p) => p.divisionCode.startsWith(prefix) && (!status || p.status === status));
    expect(ongoing.division.pledges.totalCount).toBe(demoPledges(TOWNSHIP.slice(0, 9), 'ONGOING').length + 1);
    expect(ongoing.division.pledges.nodes.filter((p: { id: string }) => p.id === made.id)).toEqual([{ id: made.id, status: 'ONGOING' }]);
    expect(ongoing.cadre).toEqual({ pledges: [{ id: made.id, status: 'ONGOING', version: 2 }] });
    expect((await ok(SET, { id: made.id, v: 2, s: 'DONE' }, leader)).setPledgeStatus).toEqual({ ...pledge, status: 'DONE', version: 3 });
    expect(await refused(SET, { id: made.id, v: 3, s: 'ONGOING' }, leader)).toEqual([{ code: 'INVALID_TRANSITION', current: 'DONE', allowed: [] }]);
    expect(await counts()).toEqual({ division: figures(1, 1, 1), department: figures(1, 1, 1) });

    // Listed per division (any status, or by status) and per cadre, to a reader of the district.
    const listed = await ok(`query($d: ID!, $c: ID!) {
      all: division(code: $d) { pledges(first: 500) { totalCount nodes { ${PLEDGE} } } }
      ongoing: division(code: $d) { pledges(status: ONGOING) { totalCount } }
      cadre(id: $c) { pledges { id status } } }`, { d: DISTRICT, c: cadreId }, analyst);
    expect(listed.all.pledges.totalCount).toBe(demoPledges(DISTRICT.slice(0, 6)).length + 1);
    expect(listed.all.pledges.nodes.filter((p: { id: string }) => p.id === made.id)).toEqual([{ ...pledge, status: 'DONE', version: 3 }]);
    expect(listed.ongoing).toEqual({ pledges: { totalCount: demoPledges(DISTRICT.slice(0, 6), 'ONGOING').length } });
    expect(listed.cadre).toEqual({ pledges: [{ id: made.id, status: 'DONE' }] });
  });

  // ------------------------------------------------------------------ first secretaries

  it("lists a district's first secretaries with their stationing days, refuses a second village for one, and records the township's assessment", async () => {
    const FS = `query($d: ID!) { division(code: $d) { firstSecretaries(first: 100) { totalCount nodes {
      id role since cadre { id name stationedDays } target { ... on Division { code } } assessments { period score comment } } } } }`;
    const demoFs = world.villageLiaisons.filter((l) => l.role === 'FIRST_SECRETARY' && l.divisionCode.startsWith('370502'));
    expect(demoFs.length).toBeGreaterThan(1);
    // Stationing days this year: each STATIONED visit of the demo world lasts its days (1 unless it says otherwise).
    const stationed = (cadreId: string) =>
      people.visits.filter((v) => v.kind === 'STATIONED' && v.cadreIds.includes(cadreId) && v.date.startsWith('2026')).reduce((n, v) => n + ((v as { days?: number }).days ?? 1), 0);
    const names = new Map(world.cadres.map((c) => [c.id, c.name]));
    const row = (l: { id: string; cadreId: string; divisionCode: string; since: string }, days = stationed(l.cadreId), assessments: unknown[] = []) => ({
      id: l.id, role: 'FIRST_SECRETARY', since: l.since, cadre: { id: l.cadreId, name: names.get(l.cadreId), stationedDays: days },
      target: { code: l.divisionCode }, assessments,
    });
    const byPlace = (a: { divisionCode: string; since: string; id: string }, b: typeof a) =>
      a.divisionCode !== b.divisionCode ? (a.divisionCode < b.divisionCode ? -1 : 1) : a.since !== b.since ? (a.since < b.since ? -1 : 1) : a.id < b.id ? -1 : 1;
    // The city's organization department sees every one stationed in the district, wherever its unit is;
    // the district's reader those whose cadres it sees (of the district's units or the city's: a link goes with its cadre).
    const city: Viewer = { sub: 'dy-city-org', role: 'ANALYST', scope: '370500000000' };
    const seenByDistrict = (cadreId: string) => {
      const unit = world.departments.find((d) => d.id === world.cadres.find((c) => c.id === cadreId)!.departmentId)!.divisionCode;
      return unit.startsWith('370502') || unit === '370500000000';
    };
    const expected = [...demoFs].sort(byPlace).map((l) => row(l));
    expect(expected.filter((r) => seenByDistrict(r.cadre.id)).length).toBeLessThan(expected.length); // the demo stations other counties' cadres here too
    expect((await ok(FS, { d: DISTRICT }, city)).division.firstSecretaries).toEqual({ totalCount: expected.length, nodes: expected });
    const district = expected.filter((r) => seenByDistrict(r.cadre.id));
    expect((await ok(FS, { d: DISTRICT }, analyst)).division.firstSecretaries).toEqual({ totalCount: district.length, nodes: district });
    expect(expected.some((r) => r.cadre.stationedDays > 0)).toBe(true);

    // The township office stations its leader in a community of the township as first secretary …
    const { cadreId } = await registerTownshipLeader();
    const LINK = `mutation($c: ID!, $t: ID!) { linkCadre(cadreId: $c, targetType: "Division", targetId: $t, role: FIRST_SECRETARY) { id role since cadre { id } target { ... on Division { code } } } }`;
    const taken = new Set(demoFs.map((l) => l.divisionCode));
    const [first, second, third] = world.divisions.filter((d) => d.parentCode === TOWNSHIP && !taken.has(d.code)).map((d) => d.code);
    const link = (await ok(LINK, { c: cadreId, t: first }, townshipOffice)).linkCadre;
    expect(link).toEqual({ id: link.id, role: 'FIRST_SECRETARY', since: '2026-07-01', cadre: { id: cadreId }, target: { code: first } });
    // … and of one village or community at a time: a second is refused, also when two race.
    expect(await refused(LINK, { c: cadreId, t: second }, townshipOffice)).toEqual([{ code: 'CONFLICT', field: 'cadreId' }]);
    const newcomer = (await ok(`mutation($d: ID!) { registerCadre(name: "赵立新", rank: STAFF, departmentId: $d, partyMember: true) { id } }`,
      { d: (await registerTownshipLeader()).departmentId }, townshipOffice)).registerCadre.id;
    const token = await as(townshipOffice);
    const racing = await Promise.all([second, third].map((t) => fed.request(LINK, { c: newcomer, t }, { token })));
    expect(racing.map((r) => r.body.errors?.[0].extensions.code ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
    const won = racing.find((r) => !r.body.errors)!.body.data.linkCadre;

    // It reports its stationing (5 days, ending today) and is assessed by the township for the half year.
    const stay = await ok(
      `mutation($c: ID!, $t: ID!) { recordVisit(kind: STATIONED, date: "2026-06-27", days: 5, cadreIds: [$c], targetType: "Division", targetId: $t, idempotencyKey: "stay-0627") { days } }`,
      { c: cadreId, t: first },
      cadre(cadreId),
    );
    expect(stay.recordVisit.days).toBe(5);
    const ASSESS = `mutation($l: ID!) { assessFirstSecretary(liaisonId: $l, period: "2026-H1", score: 92, comment: "驻村扎实，群众认可") { period score comment at } }`;
    expect(await refused(ASSESS, { l: link.id }, cadre(cadreId))).toEqual([{ code: 'FORBIDDEN' }]);
    expect((await ok(ASSESS, { l: link.id }, townshipOffice)).assessFirstSecretary).toEqual({ period: '2026-H1', score: 92, comment: '驻村扎实，群众认可', at: AT });

    const mine = { id: link.id, cadreId, divisionCode: first, since: '2026-07-01' };
    const theirs = { id: won.id, cadreId: newcomer, divisionCode: won.target.code, since: '2026-07-01' };
    names.set(cadreId, '王建国').set(newcomer, '赵立新');
    const now = [...demoFs, mine, theirs].sort(byPlace)
      .map((l) => row(l, l === mine ? 5 : l === theirs ? 0 : undefined, l === mine ? [{ period: '2026-H1', score: 92, comment: '驻村扎实，群众认可' }] : []));
    expect((await ok(FS, { d: DISTRICT }, city)).division.firstSecretaries).toEqual({ totalCount: now.length, nodes: now });
    // The township's own list: its first secretaries only.
    const township = now.filter((r) => r.target.code.startsWith(TOWNSHIP.slice(0, 9)));
    expect((await ok(FS, { d: TOWNSHIP }, townshipOffice)).division.firstSecretaries).toEqual({ totalCount: township.length, nodes: township });
  });

  // ------------------------------------------------------------------ enterprises without a liaison (挂钩联系企业)

  it('lists a newly registered enterprise as without a liaison until a cadre is linked to it, to the district and its analyst', async () => {
    const COVERAGE = `query($d: ID!) { division(code: $d) { coverage { enterprises enterprisesLinked enterprisesWithoutLiaison(first: 50) { totalCount nodes { id name } } } } }`;
    const inDistrict = world.enterprises.filter((e) => e.divisionCode.startsWith(DISTRICT.slice(0, 6)));
    const linked = new Set(people.liaisons.filter((l) => l.targetType === 'Enterprise').map((l) => l.targetId));
    const unlinked = inDistrict.filter((e) => !linked.has(e.id)).sort((a, b) => (a.id < b.id ? -1 : 1)).map((e) => ({ id: e.id, name: e.name }));
    const before = { enterprises: inDistrict.length, enterprisesLinked: inDistrict.length - unlinked.length, enterprisesWithoutLiaison: { totalCount: unlinked.length, nodes: unlinked } };
    expect((await ok(COVERAGE, { d: DISTRICT }, districtAdmin)).division.coverage).toEqual(before);

    const first17 = '91370502MA9XK1000';
    const made = await ok(
      `mutation($c: ID!, $d: ID!) { registerEnterprise(creditCode: $c, name: "东营新材料有限公司", category: OTHER, divisionCode: $d) { id name } }`,
      { c: first17 + creditCodeCheckChar(first17), d: COMMUNITY },
      districtAdmin,
    );
    const added = made.registerEnterprise as { id: string; name: string };
    const withNew = {
      enterprises: before.enterprises + 1,
      enterprisesLinked: before.enterprisesLinked,
      enterprisesWithoutLiaison: { totalCount: unlinked.length + 1, nodes: [...unlinked, added].sort((a, b) => (a.id < b.id ? -1 : 1)) },
    };
    expect((await ok(COVERAGE, { d: DISTRICT }, districtAdmin)).division.coverage).toEqual(withNew);
    expect((await ok(COVERAGE, { d: DISTRICT }, analyst)).division.coverage).toEqual(withNew);
    // Its township sees it too; the neighbouring township does not.
    expect((await ok(COVERAGE, { d: TOWNSHIP }, townshipOffice)).division.coverage.enterprisesWithoutLiaison.nodes).toContainEqual(added);
    expect((await ok(COVERAGE, { d: OTHER_TOWNSHIP }, districtAdmin)).division.coverage.enterprisesWithoutLiaison.nodes).not.toContainEqual(added);

    const liaison = world.cadres.find((c) => c.departmentId === LEAD && !c.newcomer)!;
    await ok(`mutation($c: ID!, $t: ID!) { linkCadre(cadreId: $c, targetType: "Enterprise", targetId: $t, role: LEAD) { id } }`, { c: liaison.id, t: added.id }, districtAdmin);
    expect((await ok(COVERAGE, { d: DISTRICT }, districtAdmin)).division.coverage).toEqual({ ...withNew, enterprisesLinked: before.enterprisesLinked + 1, enterprisesWithoutLiaison: before.enterprisesWithoutLiaison });
  });
});
