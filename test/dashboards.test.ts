// The dashboards and partner flows of the open issues, end to end through the gateway, on a
// fixed clock so that project and issue lights and "this year" are deterministic.
import { buildDemoPeople, buildDemoProjects, DEMO_PROJECTS_AS_OF, type DemoWorld } from '@cadres/demo';
import { countStatements, describeEachDatabase } from '@cadres/kit/src/testing';
import { entities as issuesEntities } from '@cadres/issues';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

/** 12:00 in China on the day the demo projects are anchored to (2026-07-01). */
const NOW = new Date(`${DEMO_PROJECTS_AS_OF}T04:00:00.000Z`);
const DISTRICT = '370502000000';
const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
/** Set DASHBOARD_STATS=1 to print the statement counts measured. */
const report = (line: string) => process.env.DASHBOARD_STATS && process.stdout.write(`${line}\n`);
const errorsOf = (body: any) => (body.errors ?? []).map((e: any) => e.extensions);

describeEachDatabase('the dashboards through the gateway', (db) => {
  let fed: RunningSupergraph;
  let world: DemoWorld;
  let people: ReturnType<typeof buildDemoPeople>;
  let projects: ReturnType<typeof buildDemoProjects>;
  const cadreOf = (id: string) => world.cadres.find((c) => c.id === id)!;
  const divisionOf = (code: string) => world.divisions.find((d) => d.code === code)!;
  const issueRows = () => fed.subgraphs.issues.ds.getRepository(issuesEntities.Issue).find();
  const eventRows = () => fed.subgraphs.issues.ds.getRepository(issuesEntities.IssueEvent).find();

  beforeAll(async () => {
    fed = await startSupergraph(db, { now: () => new Date(NOW) });
    world = fed.world;
    people = buildDemoPeople(world);
    projects = buildDemoProjects(world, { asOf: DEMO_PROJECTS_AS_OF });
  }, 120_000);
  afterAll(() => fed?.stop());

  it('shows every RED project of a district with its enterprise and liaisons, in one query (issue 4)', async () => {
    const red = projects.projects.filter((p) => p.intendedLight === 'RED');
    expect(red.length).toBeGreaterThan(0);
    const district = red[0].siteCode.slice(0, 6) + '000000';
    const inDistrict = red.filter((p) => p.siteCode.startsWith(district.slice(0, 6)));
    // More RED projects than a page of 10, written by the test: unstarted 8 months after the
    // planned start, or 40 points behind; and one YELLOW one (started on paper a month ago).
    const firms = world.enterprises.filter((e) => e.divisionCode.startsWith(district.slice(0, 6)));
    const register = `mutation($e: ID!, $n: String!, $s: ID!, $from: Date!, $to: Date!) {
      registerProject(enterpriseId: $e, name: $n, level: MUNICIPAL_KEY, siteCode: $s, plannedStart: $from, plannedFinish: $to) { id } }`;
    const written: { id: string; name: string; enterpriseId: string; plannedStart: string; plannedFinish: string; actual: number }[] = [];
    for (let k = 0; k < 12; k++) {
      const e = firms[k % firms.length];
      const yellow = k === 11;
      const behind = k % 2 === 1;
      const plan = yellow ? ['2026-06-01', '2027-06-01'] : behind ? ['2025-07-01', '2027-07-01'] : ['2025-11-01', '2028-11-01'];
      const name = `测试重点项目${k + 1}`;
      const made = await fed.request(register, { e: e.id, n: name, s: e.divisionCode, from: plan[0], to: plan[1] });
      expect(made.body.errors).toBeUndefined();
      const id = made.body.data.registerProject.id;
      if (behind) {
        const progress = await fed.request(`mutation($p: ID!) { reportProjectProgress(projectId: $p, actualProgress: 0.1, note: "缓慢推进") { actualProgress } }`, { p: id });
        expect(progress.body).toEqual({ data: { reportProjectProgress: { actualProgress: 0.1 } } });
      }
      if (!yellow) written.push({ id, name, enterpriseId: e.id, plannedStart: plan[0], plannedFinish: plan[1], actual: behind ? 0.1 : 0 });
    }

    // A ranked cadre of the district linked to each RED project too (the demo links only the
    // enterprise's cadre, and none to the test's projects), so that every page has liaisons to join.
    const leads = world.cadres.filter((c) => c.rank === 'SECTION_LEVEL' && c.departmentId.startsWith(`D-${district.slice(0, 6)}`));
    const leadOf = new Map<string, (typeof leads)[number]>();
    for (const [k, id] of [...inDistrict.map((p) => p.id), ...written.map((p) => p.id)].entries()) {
      const lead = leads[k % leads.length];
      const link = await fed.request(
        `mutation($c: ID!, $p: ID!) { linkCadre(cadreId: $c, targetType: "Project", targetId: $p, role: LEAD, since: "2026-06-01") { role cadre { id } } }`,
        { c: lead.id, p: id },
      );
      expect(link.body).toEqual({ data: { linkCadre: { role: 'LEAD', cadre: { id: lead.id } } } });
      leadOf.set(id, lead);
    }

    const q = (n: number) => `query($d: ID!) { division(code: $d) { projects(light: RED, first: ${n}) { totalCount nodes {
        id name light plannedProgress actualProgress enterprise { name creditCode } liaisons { role cadre { name rank } } } } } }`;
    const small = await countStatements(() => fed.request(q(10), { d: district }));
    const large = await countStatements(() => fed.request(q(500), { d: district }));

    const today = dayNumber(DEMO_PROJECTS_AS_OF);
    const latest = new Map(projects.reports.map((r) => [r.projectId, r.progress]));
    const all = [
      ...inDistrict.map((p) => ({ ...p, actual: latest.get(p.id) ?? 0 })),
      ...written,
    ];
    const expected = all.map((p) => {
      const e = world.enterprises.find((x) => x.id === p.enterpriseId)!;
      const total = dayNumber(p.plannedFinish) - dayNumber(p.plannedStart);
      return {
        id: p.id,
        name: p.name,
        light: 'RED',
        plannedProgress: Math.min(Math.max(today - dayNumber(p.plannedStart), 0), total) / total,
        actualProgress: p.actual,
        enterprise: { name: e.name, creditCode: e.creditCode },
        liaisons: [
          // the demo's link (the enterprise's cadre, since 2023) comes before the test's
          ...people.liaisons
            .filter((l) => l.targetType === 'Project' && l.targetId === p.id)
            .map((l) => world.cadres.find((c) => c.id === l.cadreId)!)
            .map((c) => ({ role: 'LEAD', cadre: { name: c.name, rank: c.rank } })),
          { role: 'LEAD', cadre: { name: leadOf.get(p.id)!.name, rank: 'SECTION_LEVEL' } },
        ],
      };
    });
    // Ordered by id in the database's collation: compare as sets, and the page of 10 as its prefix.
    const body = large.result.body;
    expect(body.errors).toBeUndefined();
    const nodes = body.data.division.projects.nodes;
    expect({ ...body.data.division.projects, nodes: [...nodes].sort(byKey((p: any) => p.id)) }).toEqual({
      totalCount: all.length,
      nodes: expected.sort(byKey((p) => p.id)),
    });
    expect(small.result.body).toEqual({ data: { division: { projects: { totalCount: all.length, nodes: nodes.slice(0, 10) } } } });
    expect(large.statements).toBe(small.statements);
    report(`RED projects of ${district}: ${all.length} projects, ${large.statements} statements (first: 10 → ${small.statements})`);
  });

  it("shows a district's RED issues with subject, assignee, reporter and history, and the four rates (issue 5)", async () => {
    const q = (n = 500) => `query($d: ID!) {
      division(code: $d) { issues(filter: { light: [RED] }, first: ${n}) { totalCount nodes {
        id ref light status division { code name }
        subject { __typename ... on Household { id head { name } } ... on Enterprise { id name } ... on Project { id name } ... on Division { code name } }
        assignee { id name } reporter { id name } history { at action fromStatus toStatus } } } }
      issueStats(divisionCode: $d) { total open closed red responseRate resolutionRate satisfactionRate onTimeRate } }`;
    // The figures straight from the issues database, with the light rule at NOW.
    type Row = Awaited<ReturnType<typeof issueRows>>[number];
    const lightOf = (i: Row) =>
      i.finishedAt ? (i.finishedAt <= i.deadline ? 'GREEN' : 'RED') : i.deadline < NOW ? 'RED' : i.yellowAt <= NOW ? 'YELLOW' : 'GREEN';
    const allRows = await issueRows();
    // The district whose RED issues show the most kinds of subject (then the most issues).
    const redIn = (d: string) => allRows.filter((i) => i.divisionCode.startsWith(d.slice(0, 6)) && lightOf(i) === 'RED');
    const score = (d: string) => new Set(redIn(d).map((i) => i.subjectType)).size * 1000 + redIn(d).length;
    const district = world.divisions.filter((d) => d.level === 'DISTRICT').map((d) => d.code).sort((a, b) => score(b) - score(a))[0];
    const rows = allRows.filter((i) => i.divisionCode.startsWith(district.slice(0, 6)));
    const events = await eventRows();

    const { result, statements } = await countStatements(() => fed.request(q(), { d: district }));
    // A shorter page that still joins every kind of subject, a reporter and an assignee (each asks its own owner) sends as many statements.
    const nodes: any[] = result.body.data.division.issues.nodes;
    const joins = (page: any[]) => [...new Set(page.map((n) => n.subject?.__typename))].sort().join() + page.some((n) => n.reporter) + page.some((n) => n.assignee);
    const short = nodes.findIndex((_, k) => joins(nodes.slice(0, k + 1)) === joins(nodes)) + 1;
    expect(short).toBeLessThan(nodes.length);
    const small = await countStatements(() => fed.request(q(short), { d: district }));
    expect(small.result.body.data.division.issues.nodes).toEqual(nodes.slice(0, short));
    expect(statements).toBe(small.statements);
    report(`RED issues of ${district}: ${nodes.length} issues, ${statements} statements (first: ${short} → ${small.statements})`);

    const isOpen = (i: Row) => i.status !== 'CLOSED' && i.status !== 'REJECTED';
    const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
    // A problem fixed on the spot counts as evaluated, solved and satisfied (stats.ts).
    const evaluated = rows.filter((i) => i.evaluatedAt || i.fixedOnTheSpot);
    const closed = rows.filter((i) => i.status === 'CLOSED');
    const assigned = rows.filter((i) => i.assignedAt);
    const residents = new Map(people.residents.map((r) => [r.id, r]));
    const subjectOf = (i: Row) => {
      switch (i.subjectType) {
        case 'Household': {
          const h = people.households.find((x) => x.id === i.subjectId)!;
          return { __typename: 'Household', id: h.id, head: { name: residents.get(h.headId)!.name } };
        }
        case 'Enterprise':
          return { __typename: 'Enterprise', id: i.subjectId, name: world.enterprises.find((e) => e.id === i.subjectId)!.name };
        case 'Project':
          return { __typename: 'Project', id: i.subjectId, name: projects.projects.find((p) => p.id === i.subjectId)!.name };
        case 'Division':
          return { __typename: 'Division', code: i.subjectId, name: divisionOf(i.subjectId!).name };
        default:
          return null;
      }
    };
    const red = rows.filter((i) => lightOf(i) === 'RED');
    expect(red.length).toBeGreaterThan(0);
    const expected = red.map((i) => ({
      id: i.id,
      ref: i.ref,
      light: 'RED',
      status: i.status,
      division: { code: i.divisionCode, name: divisionOf(i.divisionCode).name },
      subject: subjectOf(i),
      assignee: i.assigneeId ? { id: i.assigneeId, name: world.departments.find((d) => d.id === i.assigneeId)!.name } : null,
      reporter: i.reporterId ? { id: i.reporterId, name: cadreOf(i.reporterId).name } : null,
      history: events
        .filter((e) => e.issueId === i.id)
        .sort((a, b) => a.seq - b.seq)
        .map((e) => ({ at: e.at.toISOString(), action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus })),
    }));
    const body = result.body;
    expect(body.errors).toBeUndefined();
    const got = { ...body.data.division.issues, nodes: [...body.data.division.issues.nodes].sort(byKey((n: any) => n.id)) };
    expect(got).toEqual({ totalCount: red.length, nodes: expected.sort(byKey((n) => n.id)) });
    // Coherence: every history starts with the report and is oldest first.
    for (const n of body.data.division.issues.nodes) {
      expect([n.history[0].action, n.history[0].toStatus]).toEqual(['REPORT', 'REPORTED']);
      expect(n.history.map((e: any) => e.at)).toEqual([...n.history.map((e: any) => e.at)].sort());
      expect(n.history[n.history.length - 1].toStatus ?? n.status).toBe(n.status);
    }
    expect(expected.some((n) => n.subject?.__typename === 'Household')).toBe(true);
    expect(body.data.issueStats).toEqual({
      total: rows.length,
      open: rows.filter(isOpen).length,
      closed: closed.length,
      red: rows.filter((i) => isOpen(i) && lightOf(i) === 'RED').length,
      responseRate: ratio(assigned.filter((i) => i.acceptedAt && i.acceptedAt <= i.responseDeadline!).length, assigned.length),
      resolutionRate: ratio(evaluated.filter((i) => i.fixedOnTheSpot || i.evalSolved === 1).length, evaluated.length),
      satisfactionRate: ratio(evaluated.filter((i) => i.fixedOnTheSpot || i.evalSatisfaction === 'SATISFIED' || i.evalSatisfaction === 'BASICALLY_SATISFIED').length, evaluated.length),
      onTimeRate: ratio(closed.filter((i) => i.finishedAt! <= i.deadline).length, closed.length),
    });
    for (const rate of ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate']) {
      expect(body.data.issueStats[rate]).toBeGreaterThan(0);
    }
  });

  it('lets the 12345 hotline report once per idempotency key and follow the issue while an admin assigns it (issue 5)', async () => {
    const partner = await fed.token({ sub: 'partner-12345', role: 'PARTNER', scope: null });
    const village = world.divisions.find((d) => d.level === 'VILLAGE' && d.code.startsWith(DISTRICT.slice(0, 6)))!;
    const report = `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id ref status version division { name } } }`;
    const input = {
      title: '村口路灯不亮', description: '12345 热线转来：村口路灯连续三晚不亮。', category: 'INFRASTRUCTURE', kind: 'HELP', source: 'HOTLINE',
      urgency: 'GENERAL', divisionCode: village.code, subjectType: 'Division', subjectId: village.code, idempotencyKey: `12345-${db.kind}-0001`,
    };
    const before = (await issueRows()).length;
    const first = await fed.request(report, { input }, { token: partner });
    expect(first.body.errors).toBeUndefined();
    const { id, ref } = first.body.data.reportIssue;
    expect(ref).toMatch(new RegExp(`^2026-${DISTRICT.slice(0, 6)}-\\d{6}$`));
    expect(first.body.data.reportIssue).toEqual({ id, ref, status: 'REPORTED', version: 1, division: { name: village.name } });
    const retry = await fed.request(report, { input }, { token: partner });
    expect(retry.body).toEqual(first.body);
    expect((await issueRows()).length).toBe(before + 1);

    const poll = () => fed.request(`query($ref: String!) { issue(ref: $ref) { id status version light history { action } } }`, { ref }, { token: partner });
    expect((await poll()).body).toEqual({ data: { issue: { id, status: 'REPORTED', version: 1, light: 'GREEN', history: [{ action: 'REPORT' }] } } });

    const department = world.departments.find((d) => d.divisionCode === DISTRICT)!;
    const assign = `mutation($id: ID!, $dep: ID!, $v: Int!) { assignIssue(id: $id, departmentId: $dep, expectedVersion: $v, note: "请按期办理") { status version assignee { name } } }`;
    // The partner may not assign.
    expect(errorsOf((await fed.request(assign, { id, dep: department.id, v: 1 }, { token: partner })).body)).toEqual([{ code: 'FORBIDDEN' }]);
    const assigned = await fed.request(assign, { id, dep: department.id, v: 1 });
    expect(assigned.body).toEqual({ data: { assignIssue: { status: 'ASSIGNED', version: 2, assignee: { name: department.name } } } });
    const afterAssign = { data: { issue: { id, status: 'ASSIGNED', version: 2, light: 'GREEN', history: [{ action: 'REPORT' }, { action: 'ASSIGN' }] } } };
    expect((await poll()).body).toEqual(afterAssign);

    // A stale expectedVersion: CONFLICT, and nothing written.
    const eventsBefore = (await eventRows()).length;
    const other = world.departments.filter((d) => d.divisionCode === DISTRICT)[1];
    const stale = await fed.request(assign, { id, dep: other.id, v: 1 });
    expect(errorsOf(stale.body)).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    expect(stale.body.data).toBeNull();
    expect((await eventRows()).length).toBe(eventsBefore);
    expect((await poll()).body).toEqual(afterAssign);
  });

  it('shows a household to an admin in the clear and masked to an analyst (issue 3)', async () => {
    const h = people.households.find((x) => x.divisionCode.startsWith(DISTRICT.slice(0, 6)) && x.unitId && x.tags.length > 0)!;
    const members = people.residents.filter((r) => r.householdId === h.id).sort(byKey((r) => r.id));
    const head = members.find((r) => r.id === h.headId)!;
    const unit = world.units.find((u) => u.id === h.unitId)!;
    const building = world.buildings.find((b) => b.id === unit.buildingId)!;
    const visits = people.visits.filter((v) => v.targetType === 'Household' && v.targetId === h.id);
    const q = `query($id: ID!) { household(id: $id) { division { name } unit { name building { name } } head { name idNumber phone }
      members { name } tags liaisons { cadre { name } } visits(first: 5) { totalCount } visitsThisYear } }`;
    const expected = (personal: boolean) => ({
      data: {
        household: {
          division: { name: divisionOf(h.divisionCode).name },
          unit: { name: unit.name, building: { name: building.name } },
          head: {
            name: head.name,
            idNumber: personal ? head.idNumber : head.idNumber.slice(0, 6) + '********' + head.idNumber.slice(-4),
            phone: head.phone && (personal ? head.phone : head.phone.slice(0, 3) + '****' + head.phone.slice(-4)),
          },
          members: members.map((r) => ({ name: r.name })),
          tags: personal ? h.tags : [],
          liaisons: people.liaisons.filter((l) => l.targetType === 'Household' && l.targetId === h.id).map((l) => ({ cadre: { name: cadreOf(l.cadreId).name } })),
          visits: { totalCount: visits.length },
          visitsThisYear: visits.filter((v) => v.date.startsWith('2026-')).length,
        },
      },
    });
    const admin = await fed.request(q, { id: h.id });
    expect(admin.body).toEqual(expected(true));
    const analyst = await fed.request(q, { id: h.id }, { token: await fed.token({ sub: 'analyst', role: 'ANALYST', scope: null }) });
    expect(analyst.body).toEqual(expected(false));
    expect(analyst.body.data.household.head.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });

  it("measures a district's coverage against the demo world (issue 3)", async () => {
    // The district with the most places left without a ranked liaison (the demo leaves ~3% so).
    const ranked = new Set(
      world.villageLiaisons.filter((l) => ['COUNTY_LEVEL', 'SECTION_LEVEL'].includes(cadreOf(l.cadreId).rank)).map((l) => l.divisionCode),
    );
    const grassroots = world.divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY');
    const gaps = (prefix: string) => grassroots.filter((d) => d.code.startsWith(prefix) && !ranked.has(d.code)).length;
    const district = world.divisions
      .filter((d) => d.level === 'DISTRICT')
      .map((d) => d.code)
      .sort((a, b) => gaps(b.slice(0, 6)) - gaps(a.slice(0, 6)))[0];
    const q = `query($d: ID!) { division(code: $d) { coverage { villagesAndCommunities withRankedLiaison uncovered(first: 500) { totalCount nodes { code name } }
      households householdsLinked householdsVisitedEnough buildingUnits buildingUnitsFullyLinked } } }`;
    const { result, statements } = await countStatements(() => fed.request(q, { d: district }));
    report(`coverage of ${district}: ${statements} statements`);
    const inDistrict = (code: string) => code.startsWith(district.slice(0, 6));
    const places = grassroots.filter((d) => inDistrict(d.code));
    const uncovered = places.filter((d) => !ranked.has(d.code));
    const households = people.households.filter((h) => inDistrict(h.divisionCode));
    const visitsThisYear = new Map<string, number>();
    for (const v of people.visits) {
      if (v.targetType === 'Household' && v.date.startsWith('2026-')) visitsThisYear.set(v.targetId, (visitsThisYear.get(v.targetId) ?? 0) + 1);
    }
    const buildingIn = new Map(world.buildings.map((b) => [b.id, b.divisionCode]));
    const units = world.units.filter((u) => inDistrict(buildingIn.get(u.buildingId)!));
    const unitCadres = new Map<string, Set<string>>();
    for (const l of people.liaisons.filter((x) => x.targetType === 'BuildingUnit')) {
      unitCadres.set(l.targetId, (unitCadres.get(l.targetId) ?? new Set()).add(l.cadreId));
    }
    const linked = new Set(people.liaisons.filter((l) => l.targetType === 'Household').map((l) => l.targetId));
    expect(uncovered.length).toBeGreaterThan(0);
    expect(result.body).toEqual({
      data: {
        division: {
          coverage: {
            villagesAndCommunities: places.length,
            withRankedLiaison: places.length - uncovered.length,
            uncovered: { totalCount: uncovered.length, nodes: uncovered.map((d) => ({ code: d.code, name: d.name })) },
            households: households.length,
            householdsLinked: households.filter((h) => linked.has(h.id)).length,
            householdsVisitedEnough: households.filter((h) => (visitsThisYear.get(h.id) ?? 0) >= 4).length,
            buildingUnits: units.length,
            buildingUnitsFullyLinked: units.filter((u) => (unitCadres.get(u.id)?.size ?? 0) >= 2).length,
          },
        },
      },
    });
  });

  it("lists every village's liaisons in as many statements for 500 villages as for 10 (issue 3)", async () => {
    const q = (n: number) => `{ divisions(level: VILLAGE, first: ${n}) { nodes { code liaisons { role cadre { name } } } } }`;
    const small = await countStatements(() => fed.request(q(10)));
    const large = await countStatements(() => fed.request(q(500)));
    const villages = world.divisions.filter((d) => d.level === 'VILLAGE');
    const norm = (nodes: any[]) =>
      nodes.map((n) => ({ code: n.code, liaisons: [...n.liaisons].sort(byKey((l: any) => l.role + l.cadre.name)) }));
    const expected = villages.map((v) => ({
      code: v.code,
      liaisons: world.villageLiaisons
        .filter((l) => l.divisionCode === v.code)
        .map((l) => ({ role: l.role, cadre: { name: cadreOf(l.cadreId).name } }))
        .sort(byKey((l) => l.role + l.cadre.name)),
    }));
    expect(small.result.body.errors).toBeUndefined();
    expect(norm(small.result.body.data.divisions.nodes)).toEqual(expected.slice(0, 10));
    expect(norm(large.result.body.data.divisions.nodes)).toEqual(expected);
    expect(large.statements).toBe(small.statements);
    report(`liaisons of ${villages.length} villages: ${large.statements} statements (first: 10 → ${small.statements})`);
  });

  it('finds an enterprise by credit code with its liaisons, issues and evaluations (issue 3)', async () => {
    const rows = await issueRows();
    const e = world.enterprises.find((x) => rows.some((i) => i.subjectType === 'Enterprise' && i.subjectId === x.id))!;
    const cadre = world.cadres.find((c) => c.rank === 'STAFF')!;
    const link = await fed.request(
      `mutation($c: ID!, $e: ID!) { linkCadre(cadreId: $c, targetType: "Enterprise", targetId: $e, role: LEAD) { id } }`,
      { c: cadre.id, e: e.id },
    );
    expect(link.body.errors).toBeUndefined();
    const ratings = (await fed.subgraphs.issues.ds.getRepository(issuesEntities.Rating).find()).filter((r) => r.raterType === 'Enterprise' && r.raterId === e.id);
    expect(ratings.length).toBeGreaterThan(0);
    const { body } = await fed.request(
      `query($cc: ID!) { enterprise(creditCode: $cc) { id name liaisons { cadre { name } } issues { totalCount } evaluations { count average } } }`,
      { cc: e.creditCode },
    );
    expect(body).toEqual({
      data: {
        enterprise: {
          id: e.id,
          name: e.name,
          liaisons: [
            ...people.liaisons.filter((l) => l.targetType === 'Enterprise' && l.targetId === e.id).map((l) => ({ cadre: { name: world.cadres.find((c) => c.id === l.cadreId)!.name } })),
            { cadre: { name: cadre.name } },
          ],
          issues: { totalCount: rows.filter((i) => i.subjectType === 'Enterprise' && i.subjectId === e.id).length },
          evaluations: { count: ratings.length, average: ratings.reduce((s, r) => s + r.score, 0) / ratings.length },
        },
      },
    });
  });

  it('passes validation and workflow errors through the gateway with their code and field', async () => {
    const h = people.households.find((x) => x.divisionCode.startsWith(DISTRICT.slice(0, 6)))!;
    const cadreId = people.liaisons.find((l) => l.targetId === h.id)!.cadreId;
    const visit = await fed.request(
      `mutation($c: ID!, $h: ID!) { recordVisit(kind: HOME_VISIT, date: "2026-06-30", cadreIds: [$c], targetType: "Household", targetId: $h) { id } }`,
      { c: cadreId, h: h.id },
    );
    expect(errorsOf(visit.body)).toEqual([{ code: 'BAD_USER_INPUT', field: 'cadreIds' }]);
    expect(visit.body.data).toBeNull();

    const enterprise = await fed.request(
      `mutation { registerEnterprise(creditCode: "91350100M000100Y44", name: "东营测试有限公司", category: OTHER, divisionCode: "${DISTRICT}") { id } }`,
    );
    expect(errorsOf(enterprise.body)).toEqual([{ code: 'BAD_USER_INPUT', field: 'creditCode' }]);

    const resident = await fed.request(
      `mutation($d: ID!) { registerHousehold(divisionCode: $d, head: { name: "王测试", idNumber: "110105194912310021" }) { id } }`,
      { d: h.divisionCode },
    );
    expect(errorsOf(resident.body)).toEqual([{ code: 'BAD_USER_INPUT', field: 'head.idNumber' }]);

    const closed = (await issueRows()).find((i) => i.status === 'CLOSED')!;
    const before = (await eventRows()).length;
    const reject = await fed.request(
      `mutation($id: ID!, $v: Int!) { rejectIssue(id: $id, expectedVersion: $v, reason: "不属于本级职责") { id } }`,
      { id: closed.id, v: closed.version },
    );
    expect(errorsOf(reject.body)).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    expect(reject.body.errors[0].message).toContain('CLOSED');
    expect((await eventRows()).length).toBe(before);
  });
});
