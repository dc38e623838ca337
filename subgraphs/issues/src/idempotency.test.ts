import { IdempotencyRecord, parseConfig, type Subgraph } from '@cadres/kit';
import {
  adminViewer,
  data,
  describeEachDatabase,
  expectIdempotentCreate,
  expectOneOfConcurrent,
  otherAdminViewer,
  runOperation,
} from '@cadres/kit/src/testing';
import { issuesSettings } from './config';
import { Issue, IssueEvent, Rating } from './entities';
import { createIssuesSubgraph } from './test-owners';

const config = parseConfig(issuesSettings, {});
const T0 = new Date('2026-03-02T08:00:00.123Z');

// One household per test and caller: a second rating of the same cadre by the same household in a year replaces the first.
const RATE = `mutation($rater: ID!, $score: Int!, $comment: String, $key: String) {
  rate(targetType: "Cadre", targetId: "C-00001", raterType: "Household", raterId: $rater, score: $score, comment: $comment, aspect: WORK, idempotencyKey: $key) {
    id score comment at aspect } }`;
const REPORT = `mutation($title: String!, $key: String) {
  reportIssue(input: { title: $title, description: "路灯不亮", category: INFRASTRUCTURE, kind: HELP, source: HOTLINE, urgency: GENERAL,
    divisionCode: "370502001201", idempotencyKey: $key }) {
    id ref title status version reportedAt history { action actor } } }`;

describeEachDatabase('issues subgraph: idempotent creation', (db) => {
  let issues: Subgraph;
  let clock = T0;
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => clock });
  });
  afterAll(() => issues?.stop());
  beforeEach(() => {
    clock = T0;
  });
  const count = (entity: typeof Rating | typeof Issue) => () => issues.ds.getRepository(entity).count();

  it('rate: a retry, also a minute later, is the first rating; other content is a CONFLICT; another caller rates on its own', async () => {
    const { first, theirs } = await expectIdempotentCreate(issues, {
      mutation: RATE,
      field: 'rate',
      variables: { rater: 'H-00001', score: 4, comment: '态度好' },
      otherContent: { score: 5 },
      otherCallerContent: { rater: 'H-00002' },
      count: count(Rating),
    });
    const rating = { score: 4, comment: '态度好', at: T0.toISOString(), aspect: 'WORK' };
    expect(first).toEqual({ id: first.id, ...rating });
    expect(theirs).toEqual({ id: theirs.id, ...rating });
    clock = new Date(T0.getTime() + 60_000);
    const later = await data(issues, RATE, { rater: 'H-00001', score: 4, comment: ' 态度好 ', key: 'retry-rate' });
    expect(later.rate).toEqual(first);
    expect(await count(Rating)()).toBe(2);
  });

  it('rate: 10 concurrent retries with one key make one rating', async () => {
    const rating = await expectOneOfConcurrent(issues, { mutation: RATE, field: 'rate', variables: { rater: 'H-00003', score: 2, comment: null }, count: count(Rating), key: 'rate-race' });
    expect(rating).toEqual({ id: rating.id, score: 2, comment: null, at: T0.toISOString(), aspect: 'WORK' });
    expect(await issues.ds.getRepository(IdempotencyRecord).findBy({ idempotencyKey: 'rate-race' })).toEqual([
      expect.objectContaining({ operation: 'rate', caller: adminViewer.sub, resultId: rating.id }),
    ]);
  });

  it('validates the key of rate with BAD_USER_INPUT and the field, after the existing checks', async () => {
    const before = await count(Rating)();
    const attempt = async (variables: Record<string, unknown>) => (await runOperation(issues, RATE, { rater: 'H-00004', ...variables })).errors?.map((e) => e.extensions);
    expect(await attempt({ score: 3, key: '' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'idempotencyKey' }]);
    expect(await attempt({ score: 3, key: 'x'.repeat(101) })).toEqual([{ code: 'BAD_USER_INPUT', field: 'idempotencyKey' }]);
    expect(await attempt({ score: 6, key: '' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'score' }]);
    expect(await count(Rating)()).toBe(before);
  });

  it('reportIssue: keys are per caller — another caller with the same key reports its own issue and never sees the first', async () => {
    const { first, theirs } = await expectIdempotentCreate(issues, {
      mutation: REPORT,
      field: 'reportIssue',
      variables: { title: '路灯不亮' },
      otherContent: { title: '路灯又不亮' },
      count: count(Issue),
      keyField: 'input.idempotencyKey',
    });
    const issue = (ref: string, actor: string) => ({
      ref, title: '路灯不亮', status: 'REPORTED', version: 1, reportedAt: T0.toISOString(), history: [{ action: 'REPORT', actor }],
    });
    expect(first).toEqual({ id: first.id, ...issue('2026-370502-000001', adminViewer.sub) });
    expect(theirs).toEqual({ id: theirs.id, ...issue('2026-370502-000002', otherAdminViewer.sub) });
    // The other caller's key with other content is its own new report, not a CONFLICT naming the first caller's issue.
    const another = await runOperation(issues, REPORT, { title: '井盖缺失', key: 'hotline-1' });
    const elsewhere = await data(issues, REPORT, { title: '井盖丢失', key: 'hotline-1' }, otherAdminViewer);
    expect([another.errors, elsewhere.reportIssue.ref, elsewhere.reportIssue.title]).toEqual([undefined, '2026-370502-000004', '井盖丢失']);
    expect(await issues.ds.getRepository(IssueEvent).count()).toBe(4);
  });
});
