import { IdempotencyRecord, creditCodeCheckChar, type Subgraph } from '@cadres/kit';
import {
  adminViewer,
  createTestSubgraph,
  data,
  describeEachDatabase,
  expectIdempotentCreate,
  expectOneOfConcurrent,
  otherAdminViewer,
  runOperation,
  startFakeOwners,
} from '@cadres/kit/src/testing';
import { Enterprise, Project, ProjectProgress } from './entities';
import { subgraph as enterprises } from './server';

/** Noon on 20 February 2026 in China: a project planned 2026-01-01 to 2026-04-11 is due at 0.5. */
const NOW = new Date('2026-02-20T04:00:00Z');
/** A valid credit code registered in Dongying district, from 9 organization-code characters. */
const creditCode = (org: string) => {
  const first17 = `91370502${org}`;
  return first17 + creditCodeCheckChar(first17);
};
const extensions = (r: { errors?: readonly { extensions?: unknown }[] }) => r.errors?.map((e) => e.extensions);

const REGISTER_ENTERPRISE = `mutation($cc: ID!, $name: String!, $employees: Int, $key: String) {
  registerEnterprise(creditCode: $cc, name: $name, category: TECH_SME, divisionCode: "370502001201", industry: "软件", employees: $employees, idempotencyKey: $key) {
    id creditCode name category industry employees division { code } version } }`;
const REGISTER_PROJECT = `mutation($e: ID!, $name: String!, $f: Date!, $key: String) {
  registerProject(enterpriseId: $e, name: $name, level: COUNTY_KEY, siteCode: "370502001201", plannedStart: "2026-01-01", plannedFinish: $f, idempotencyKey: $key) {
    id name level enterprise { id } site { code } plannedStart plannedFinish actualProgress version } }`;
const REPORT_PROGRESS = `mutation($p: ID!, $v: Float!, $note: String, $ev: Int, $key: String) {
  reportProjectProgress(projectId: $p, actualProgress: $v, note: $note, expectedVersion: $ev, idempotencyKey: $key) {
    id actualProgress version light progressReports(first: 50) { totalCount nodes { actualProgress note reportedBy } } } }`;

describeEachDatabase('enterprises subgraph: idempotent creation', (db) => {
  let sg: Subgraph;
  let enterpriseId: string;
  beforeAll(async () => {
    sg = await createTestSubgraph(enterprises, db, { fakeOwners: true, now: () => NOW });
    enterpriseId = (await data(sg, REGISTER_ENTERPRISE, { cc: creditCode('MA3C4Q5X1'), name: '东营一号科技有限公司' })).registerEnterprise.id;
  });
  afterAll(() => sg?.stop());
  const count = (entity: typeof Enterprise | typeof Project | typeof ProjectProgress) => () => sg.ds.getRepository(entity).count();

  it('registerEnterprise: a retry (also in lower case) is the first enterprise, not a duplicate credit code; other content is a CONFLICT', async () => {
    const cc = creditCode('MA3C4Q5X2');
    const { first, theirs } = await expectIdempotentCreate(sg, {
      mutation: REGISTER_ENTERPRISE,
      field: 'registerEnterprise',
      variables: { cc, name: '东营二号科技有限公司', employees: 30 },
      otherContent: { employees: 31 },
      otherCallerContent: { cc: creditCode('MA3C4Q5X3') },
      count: count(Enterprise),
    });
    const enterprise = { name: '东营二号科技有限公司', category: 'TECH_SME', industry: '软件', employees: 30, division: { code: '370502001201' }, version: 1 };
    expect(first).toEqual({ id: first.id, creditCode: cc, ...enterprise });
    expect(theirs).toEqual({ id: theirs.id, creditCode: creditCode('MA3C4Q5X3'), ...enterprise });
    const lower = await data(sg, REGISTER_ENTERPRISE, { cc: ` ${cc.toLowerCase()} `, name: ' 东营二号科技有限公司', employees: 30, key: 'retry-registerEnterprise' });
    expect(lower.registerEnterprise).toEqual(first);
    // Without a key the same request is what it always was: a duplicate credit code.
    expect(extensions(await runOperation(sg, REGISTER_ENTERPRISE, { cc, name: '东营二号科技有限公司', employees: 30 }))).toEqual([
      { code: 'CONFLICT', field: 'creditCode' },
    ]);
    // Another caller sending what the first sent under the same key gets the duplicate, not the first enterprise.
    const shared = { cc: creditCode('MA3C4Q5X4'), name: '东营四号科技有限公司', key: 'shared-enterprise' };
    const mine = (await data(sg, REGISTER_ENTERPRISE, shared)).registerEnterprise;
    expect(extensions(await runOperation(sg, REGISTER_ENTERPRISE, shared, otherAdminViewer))).toEqual([{ code: 'CONFLICT', field: 'creditCode' }]);
    expect((await data(sg, REGISTER_ENTERPRISE, shared)).registerEnterprise).toEqual(mine);
  });

  it('registerEnterprise: 10 concurrent retries with one key register one enterprise', async () => {
    const cc = creditCode('MA3C4Q5X5');
    const enterprise = await expectOneOfConcurrent(sg, {
      mutation: REGISTER_ENTERPRISE,
      field: 'registerEnterprise',
      variables: { cc, name: '并发科技有限公司', employees: 5 },
      count: count(Enterprise),
      key: 'enterprise-race',
    });
    expect(enterprise).toEqual({
      id: enterprise.id, creditCode: cc, name: '并发科技有限公司', category: 'TECH_SME', industry: '软件', employees: 5, division: { code: '370502001201' }, version: 1,
    });
    expect(await sg.ds.getRepository(IdempotencyRecord).findBy({ idempotencyKey: 'enterprise-race' })).toEqual([
      expect.objectContaining({ operation: 'registerEnterprise', caller: adminViewer.sub, resultId: enterprise.id }),
    ]);
  });

  it('registerProject: a retry is the first project; other content is a CONFLICT; another caller gets its own', async () => {
    const { first, theirs } = await expectIdempotentCreate(sg, {
      mutation: REGISTER_PROJECT,
      field: 'registerProject',
      variables: { e: enterpriseId, name: '智慧园区', f: '2026-04-11' },
      otherContent: { f: '2026-05-11' },
      count: count(Project),
    });
    const project = {
      name: '智慧园区', level: 'COUNTY_KEY', enterprise: { id: enterpriseId }, site: { code: '370502001201' },
      plannedStart: '2026-01-01', plannedFinish: '2026-04-11', actualProgress: 0, version: 1,
    };
    expect(first).toEqual({ id: first.id, ...project });
    expect(theirs).toEqual({ id: theirs.id, ...project });
  });

  it('reportProjectProgress: a retry is the same report, even past its expectedVersion; other content is a CONFLICT; another caller reports its own', async () => {
    const register = async (name: string) => (await data(sg, REGISTER_PROJECT, { e: enterpriseId, name, f: '2026-04-11' })).registerProject.id;
    const [projectId, otherId] = [await register('进度项目'), await register('另一项目')];
    const { first, theirs } = await expectIdempotentCreate(sg, {
      mutation: REPORT_PROGRESS,
      field: 'reportProjectProgress',
      variables: { p: projectId, v: 0.45, note: '主体完工', ev: 1 },
      otherContent: { v: 0.5 },
      otherCallerContent: { p: otherId },
      count: count(ProjectProgress),
    });
    const reported = (id: string, reportedBy: string) => ({
      id,
      actualProgress: 0.45,
      version: 2,
      light: 'GREEN',
      progressReports: { totalCount: 1, nodes: [{ actualProgress: 0.45, note: '主体完工', reportedBy }] },
    });
    expect(first).toEqual(reported(projectId, adminViewer.sub));
    expect(theirs).toEqual(reported(otherId, otherAdminViewer.sub));
    // Once the project has moved on, a retry still adds no report and answers the project as it is now.
    await data(sg, REPORT_PROGRESS, { p: projectId, v: 0.5 });
    const before = await count(ProjectProgress)();
    const retry = await data(sg, REPORT_PROGRESS, { p: projectId, v: 0.45, note: '主体完工', ev: 1, key: 'retry-reportProjectProgress' });
    expect(retry.reportProjectProgress).toEqual({
      id: projectId,
      actualProgress: 0.5,
      version: 3,
      light: 'GREEN',
      progressReports: {
        totalCount: 2,
        nodes: [
          { actualProgress: 0.45, note: '主体完工', reportedBy: adminViewer.sub },
          { actualProgress: 0.5, note: null, reportedBy: adminViewer.sub },
        ],
      },
    });
    expect(await count(ProjectProgress)()).toBe(before);
  });

  it('reportProjectProgress: 10 concurrent retries with one key record one report', async () => {
    const projectId = (await data(sg, REGISTER_PROJECT, { e: enterpriseId, name: '并发进度', f: '2026-04-11' })).registerProject.id;
    const project = await expectOneOfConcurrent(sg, {
      mutation: REPORT_PROGRESS,
      field: 'reportProjectProgress',
      variables: { p: projectId, v: 0.3, note: null, ev: null },
      count: count(ProjectProgress),
      key: 'progress-race',
    });
    expect(project).toEqual({
      id: projectId,
      actualProgress: 0.3,
      version: 2,
      light: 'YELLOW',
      progressReports: { totalCount: 1, nodes: [{ actualProgress: 0.3, note: null, reportedBy: adminViewer.sub }] },
    });
    const [report] = await sg.ds.getRepository(ProjectProgress).findBy({ projectId });
    expect(await sg.ds.getRepository(IdempotencyRecord).findBy({ idempotencyKey: 'progress-race' })).toEqual([
      expect.objectContaining({ operation: 'reportProjectProgress', caller: adminViewer.sub, resultId: report.id }),
    ]);
  });
});

describeEachDatabase('enterprises subgraph: retries while places is down', (db) => {
  let sg: Subgraph;
  let places: Awaited<ReturnType<typeof startFakeOwners>>;
  beforeAll(async () => {
    places = await startFakeOwners();
    sg = await createTestSubgraph(enterprises, db, { peers: places.peers, now: () => NOW });
  });
  afterAll(async () => {
    await sg?.stop();
    await places?.close().catch(() => {});
  });

  it('answers a retry of a committed registration from its record, without asking places', async () => {
    const enterprise = { cc: creditCode('MA3C4Q5X6'), name: '断网科技有限公司', employees: 8, key: 'e-offline' };
    const first = await data(sg, REGISTER_ENTERPRISE, enterprise);
    const project = { e: first.registerEnterprise.id, name: '断网项目', f: '2026-04-11', key: 'p-offline' };
    const firstProject = await data(sg, REGISTER_PROJECT, project);
    await places.close();
    const counts = async () => [await sg.ds.getRepository(Enterprise).count(), await sg.ds.getRepository(Project).count()];
    const before = await counts();
    // The answers were lost: the retries get them, places being down notwithstanding.
    expect(await data(sg, REGISTER_ENTERPRISE, enterprise)).toEqual(first);
    expect(await data(sg, REGISTER_PROJECT, project)).toEqual(firstProject);
    // A new registration still needs places to confirm the division: SERVICE_UNAVAILABLE, nothing written.
    const fresh = await runOperation(sg, REGISTER_ENTERPRISE, { ...enterprise, cc: creditCode('MA3C4Q5X7'), key: 'e-new' });
    expect({ data: fresh.data, errors: extensions(fresh) }).toEqual({ data: null, errors: [{ code: 'SERVICE_UNAVAILABLE', subgraph: 'places' }] });
    expect(await counts()).toEqual(before);
  });
});
