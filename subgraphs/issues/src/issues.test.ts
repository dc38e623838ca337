import { IdempotencyRecord, parseConfig, type Subgraph } from '@cadres/kit';
import {
  countStatements,
  data,
  describeEachDatabase,
  pendingSchemaChanges,
  runOperation,
} from '@cadres/kit/src/testing';
import { issuesSettings } from './config';
import { Issue, IssueEvent } from './entities';
import { createIssuesSubgraph } from './test-owners';

const config = parseConfig(issuesSettings, {});
const T0 = new Date('2026-03-02T08:00:00.123Z');

const REPORT = `mutation($input: ReportIssueInput!) { reportIssue(input: $input) {
  id ref title description category kind source urgency status version reportedAt deadline light supervisionLevel
  division { code } subject { __typename ... on Enterprise { id } ... on Division { code } } reporter { id } visit { id } assignee { id }
  history { at action fromStatus toStatus actor note } evaluation { satisfaction } } }`;

const input = (over: Record<string, unknown> = {}) => ({
  title: '村内道路坑洼',
  description: '雨后积水，群众出行不便',
  category: 'INFRASTRUCTURE',
  kind: 'HELP',
  source: 'VISIT',
  urgency: 'GENERAL',
  divisionCode: '370502001201',
  ...over,
});

describeEachDatabase('issues subgraph: the ledger', (db) => {
  let issues: Subgraph;
  let clock = T0;
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => clock });
  });
  afterAll(() => issues?.stop());
  beforeEach(() => {
    clock = T0;
  });

  const report = async (over: Record<string, unknown> = {}) => (await data(issues, REPORT, { input: input(over) })).reportIssue;

  it('has a migrated schema that matches the entities', async () => {
    expect(await pendingSchemaChanges(issues.ds)).toEqual([]);
  });

  it('reports an issue with a ledger number, a default deadline and its first event', async () => {
    const issue = await report({ subjectType: 'Enterprise', subjectId: 'E-0001', reporterId: 'C-00001', visitId: 'V-1' });
    expect(issue).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ref: '2026-370502-000001',
      title: '村内道路坑洼',
      description: '雨后积水，群众出行不便',
      category: 'INFRASTRUCTURE',
      kind: 'HELP',
      source: 'VISIT',
      urgency: 'GENERAL',
      status: 'REPORTED',
      version: 1,
      reportedAt: '2026-03-02T08:00:00.123Z',
      deadline: '2026-03-09T08:00:00.123Z',
      light: 'GREEN',
      supervisionLevel: 0,
      division: { code: '370502001201' },
      subject: { __typename: 'Enterprise', id: 'E-0001' },
      reporter: { id: 'C-00001' },
      visit: { id: 'V-1' },
      assignee: null,
      history: [{ at: '2026-03-02T08:00:00.123Z', action: 'REPORT', fromStatus: null, toStatus: 'REPORTED', actor: 'test-admin', note: null }],
      evaluation: null,
    });
    // Read back from the database: instants keep their milliseconds on both databases.
    const stored = await issues.ds.getRepository(Issue).findOneByOrFail({ id: issue.id });
    expect([stored.reportedAt.toISOString(), stored.deadline.toISOString(), stored.yellowAt.toISOString()]).toEqual([
      '2026-03-02T08:00:00.123Z',
      '2026-03-09T08:00:00.123Z',
      '2026-03-07T22:24:00.123Z', // 20% of 7 days before the deadline
    ]);
    const byRef = await data(issues, `query($r: String) { issue(ref: $r) { id subject { __typename } } }`, { r: issue.ref });
    expect(byRef).toEqual({ issue: { id: issue.id, subject: { __typename: 'Enterprise' } } });
  });

  it('derives the deadline from the urgency and numbers per district and year', async () => {
    const got = [];
    for (const urgency of ['EMERGENCY', 'UTILITIES', 'COMPLEX']) {
      const i = await report({ urgency, divisionCode: '370503100201' });
      got.push([i.ref, i.deadline]);
    }
    clock = new Date('2026-12-31T16:30:00.000Z'); // 00:30 on 1 January 2027 in China
    const next = await report({ divisionCode: '370503100201', subjectType: 'Division', subjectId: '370503100201' });
    got.push([next.ref, next.deadline, next.subject]);
    expect(got).toEqual([
      ['2026-370503-000001', '2026-03-02T10:00:00.123Z'],
      ['2026-370503-000002', '2026-03-03T08:00:00.123Z'],
      ['2026-370503-000003', '2026-03-17T08:00:00.123Z'],
      ['2027-370503-000001', '2027-01-07T16:30:00.000Z', { __typename: 'Division', code: '370503100201' }],
    ]);
  });

  it('rejects bad input with BAD_USER_INPUT and the field', async () => {
    const cases: Record<string, unknown>[] = [
      { divisionCode: '37050' },
      { title: '   ' },
      { description: 'x'.repeat(2001) },
      { subjectType: 'Planet', subjectId: 'X' },
      { subjectType: 'Enterprise' },
      { subjectType: 'Division', subjectId: '123' },
      { idempotencyKey: '' },
    ];
    const fields = [];
    for (const c of cases) {
      const r = await runOperation(issues, REPORT, { input: input(c) });
      fields.push(r.errors?.map((e) => e.extensions));
    }
    expect(fields).toEqual(
      ['input.divisionCode', 'input.title', 'input.description', 'input.subjectType', 'input.subjectId', 'input.subjectId', 'input.idempotencyKey'].map(
        (field) => [{ code: 'BAD_USER_INPUT', field }],
      ),
    );
  });

  it('refuses ids that do not exist at their owners with NOT_FOUND and the field, writing nothing', async () => {
    const before = await issues.ds.getRepository('Issue').count();
    const cases: [Record<string, unknown>, string][] = [
      [{ subjectType: 'Household', subjectId: 'H-missing' }, 'input.subjectId'],
      [{ reporterId: 'C-missing' }, 'input.reporterId'],
      [{ visitId: 'V-missing' }, 'input.visitId'],
    ];
    for (const [c, field] of cases) {
      const r = await runOperation(issues, REPORT, { input: input(c) });
      expect([field, r.errors?.map((e) => e.extensions)]).toEqual([field, [{ code: 'NOT_FOUND', field }]]);
    }
    expect(await issues.ds.getRepository('Issue').count()).toBe(before);
    // the fake owners put every subject in 370502: an issue in 370503 about it is refused
    const elsewhere = await runOperation(issues, REPORT, { input: input({ divisionCode: '370503001201', subjectType: 'Enterprise', subjectId: 'E-0001' }) });
    expect(elsewhere.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.subjectId' }]);
    // the same idempotencyKey with other content is a CONFLICT, never someone else's issue
    const keyed = await report({ idempotencyKey: 'hotline-7' });
    const reused = await runOperation(issues, REPORT, { input: input({ idempotencyKey: 'hotline-7', title: '另一件事' }) });
    expect(reused.errors?.map((e) => e.extensions)).toEqual([{ code: 'CONFLICT', field: 'input.idempotencyKey' }]);
    expect((await report({ idempotencyKey: 'hotline-7' })).id).toBe(keyed.id);
    const afterKeyed = await issues.ds.getRepository('Issue').count();

    const issue = await report();
    const assign = await runOperation(issues, `mutation($id: ID!) { assignIssue(id: $id, departmentId: "D-missing", expectedVersion: 1) { version } }`, { id: issue.id });
    expect(assign.errors?.map((e) => e.extensions)).toEqual([{ code: 'NOT_FOUND', field: 'departmentId' }]);
    expect(await issues.ds.getRepository('Issue').count()).toBe(afterKeyed + 1);
    const rating = await runOperation(issues, `mutation { rate(targetType: "Cadre", targetId: "C-00001", raterType: "Household", raterId: "H-missing", score: 1) { id } }`);
    expect(rating.errors?.map((e) => e.extensions)).toEqual([{ code: 'NOT_FOUND', field: 'raterId' }]);
  });

  it('hands out 50 distinct consecutive numbers to 50 concurrent reports in one district', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => runOperation(issues, REPORT, { input: input({ divisionCode: '370505001001', title: `t${i}` }) })),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const refs = results.map((r) => r.data!.reportIssue.ref).sort();
    expect(refs).toEqual(Array.from({ length: 50 }, (_, i) => `2026-370505-${String(i + 1).padStart(6, '0')}`));
  });

  it('creates one issue for 10 concurrent reports with one idempotencyKey', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => runOperation(issues, REPORT, { input: input({ divisionCode: '370522001001', idempotencyKey: 'hotline-42' }) })),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const ids = new Set(results.map((r) => r.data!.reportIssue.id));
    expect(ids.size).toBe(1);
    expect(new Set(results.map((r) => r.data!.reportIssue.ref))).toEqual(new Set(['2026-370522-000001']));
    expect(await issues.ds.getRepository(Issue).countBy({ divisionCode: '370522001001' })).toBe(1);
    expect(await issues.ds.getRepository(IdempotencyRecord).findBy({ idempotencyKey: 'hotline-42' })).toEqual([
      expect.objectContaining({ operation: 'reportIssue', caller: 'test-admin', resultId: [...ids][0] }),
    ]);
    expect(await issues.ds.getRepository(IssueEvent).countBy({ issueId: [...ids][0] })).toBe(1);
    // The next report in that district gets the next number: no gap from the retries.
    expect((await report({ divisionCode: '370522001001' })).ref).toBe('2026-370522-000002');
  });

  it('resolves Issue references in one statement with their histories in one more; null for an unknown id', async () => {
    const rows = await issues.ds.getRepository(Issue).find({ order: { ref: 'ASC' }, take: 30 });
    const reps = [...rows.map((r) => ({ __typename: 'Issue', id: r.id })), { __typename: 'Issue', id: 'no-such-issue' }];
    const { result, statements } = await countStatements(() =>
      data(issues, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Issue { ref history { action } } } }`, { r: reps }),
    );
    expect(result._entities).toEqual([...rows.map((r) => ({ ref: r.ref, history: [{ action: 'REPORT' }] })), null]);
    expect([rows.length, statements]).toEqual([30, 2]);
  });
});
