import { IdempotencyRecord, fingerprintOf, idNumberCheckChar, type Subgraph } from '@cadres/kit';
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
import { Cadre, Department, Household, Liaison, Resident, Visit, VisitCadre } from './entities';
import { subgraph as peopleSubgraph } from './server';

/** 10:00 on 1 July 2026 in Beijing. */
const NOW = new Date('2026-07-01T02:00:00Z');
const COMMUNITY = '370502001201';
/** A valid GB 11643 ID number, born 1980-01-01, sequence n. */
const idNumber = (n: number) => {
  const first17 = `37050219800101${String(n).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};
/** A visit's cadres as the graph lists them: by id. */
const byId = (ids: string[]) => [...ids].sort().map((id) => ({ id }));
const extensions = (r: { errors?: readonly { extensions?: unknown }[] }) => r.errors?.map((e) => e.extensions);

const REGISTER_CADRE = `mutation($name: String!, $phone: String, $key: String) {
  registerCadre(name: $name, rank: STAFF, departmentId: "D-1", partyMember: true, phone: $phone, idempotencyKey: $key) {
    id name rank partyMember phone version department { id } } }`;
const REGISTER_HOUSEHOLD = `mutation($divisionCode: ID!, $head: ResidentInput!, $tags: [HouseholdTag!], $key: String) {
  registerHousehold(divisionCode: $divisionCode, head: $head, tags: $tags, idempotencyKey: $key) {
    id version division { code } head { name idNumber } members { id } tags } }`;
const ADD_RESIDENT = `mutation($householdId: ID!, $resident: ResidentInput!, $expectedVersion: Int, $key: String) {
  addResident(householdId: $householdId, resident: $resident, expectedVersion: $expectedVersion, idempotencyKey: $key) {
    id name idNumber phone household { id } } }`;
const LINK_CADRE = `mutation($cadreId: ID!, $targetId: ID!, $role: LiaisonRole!, $key: String) {
  linkCadre(cadreId: $cadreId, targetType: "Division", targetId: $targetId, role: $role, idempotencyKey: $key) {
    id role since until cadre { id } target { ... on Division { code } } } }`;
const RECORD_VISIT = `mutation($cadreIds: [ID!]!, $targetId: ID!, $notes: String, $key: String) {
  recordVisit(kind: FORUM, date: "2026-06-30", cadreIds: $cadreIds, targetType: "Division", targetId: $targetId, notes: $notes, idempotencyKey: $key) {
    id kind date notes cadres { id } target { ... on Division { code } } } }`;

describeEachDatabase('people subgraph: idempotent creation', (db) => {
  let people: Subgraph;
  let owners: Awaited<ReturnType<typeof startFakeOwners>>;
  let cadres: string[];
  beforeAll(async () => {
    owners = await startFakeOwners();
    people = await createTestSubgraph(peopleSubgraph, db, { now: () => NOW, peers: owners.peers });
    await people.ds.getRepository(Department).insert({ id: 'D-1', name: '东营区民政局', divisionCode: '370502000000' });
    cadres = [];
    for (const name of ['甲', '乙', '丙']) cadres.push((await data(people, REGISTER_CADRE, { name })).registerCadre.id);
  });
  afterAll(async () => {
    await people?.stop();
    await owners?.close();
  });
  const count = (entity: typeof Cadre | typeof Household | typeof Resident | typeof Liaison | typeof Visit) => () =>
    people.ds.getRepository(entity).count();

  it('registerCadre: a retry, also spelled differently, is the first cadre; other content is a CONFLICT; another caller gets its own', async () => {
    const { first, theirs } = await expectIdempotentCreate(people, {
      mutation: REGISTER_CADRE,
      field: 'registerCadre',
      variables: { name: '王小明', phone: '13800138000' },
      otherContent: { name: '王大明' },
      count: count(Cadre),
    });
    const cadre = { name: '王小明', rank: 'STAFF', partyMember: true, phone: '13800138000', version: 1, department: { id: 'D-1' } };
    expect(first).toEqual({ id: first.id, ...cadre });
    expect(theirs).toEqual({ id: theirs.id, ...cadre });
    // The fingerprint is of the normalized input: the same name and phone written otherwise is a retry.
    const respelled = await data(people, REGISTER_CADRE, { name: ' 王小明 ', phone: '+86 138-0013-8000', key: 'retry-registerCadre' });
    expect(respelled.registerCadre).toEqual(first);
    // The record: the operation, the caller, the key, the fingerprint and what was created.
    const records = await people.ds.getRepository(IdempotencyRecord).find({ where: { operation: 'registerCadre' }, order: { caller: 'ASC' } });
    expect(records.map(({ operation, caller, idempotencyKey, fingerprint, resultId, createdAt }) => ({ operation, caller, idempotencyKey, fingerprint, resultId, createdAt }))).toEqual([
      { operation: 'registerCadre', caller: adminViewer.sub, idempotencyKey: 'retry-registerCadre', fingerprint: records[0].fingerprint, resultId: first.id, createdAt: NOW },
      { operation: 'registerCadre', caller: otherAdminViewer.sub, idempotencyKey: 'retry-registerCadre', fingerprint: records[0].fingerprint, resultId: theirs.id, createdAt: NOW },
    ]);
    expect(records[0].fingerprint).toBe(
      fingerprintOf({ name: '王小明', rank: 'STAFF', departmentId: 'D-1', partyMember: true, phone: '13800138000' }),
    );
  });

  it('validates the key (1 to 100 characters) with BAD_USER_INPUT and the field, writing nothing', async () => {
    const before = await count(Cadre)();
    for (const key of ['', '   ', 'k'.repeat(101)]) {
      expect([key.length, extensions(await runOperation(people, REGISTER_CADRE, { name: '赵六', key }))]).toEqual([
        key.length,
        [{ code: 'BAD_USER_INPUT', field: 'idempotencyKey' }],
      ]);
    }
    // The field's existing checks come first, as before.
    expect(extensions(await runOperation(people, REGISTER_CADRE, { name: '  ', key: '' }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'name' }]);
    expect(await count(Cadre)()).toBe(before);
    const longest = await data(people, REGISTER_CADRE, { name: '赵六', key: 'k'.repeat(100) });
    expect(longest.registerCadre.name).toBe('赵六');
    expect(await count(Cadre)()).toBe(before + 1);
  });

  it('tells keys apart by case on every database (a key is compared byte for byte)', async () => {
    const before = await count(Cadre)();
    const upper = (await data(people, REGISTER_CADRE, { name: '钱七', key: 'Case-Key' })).registerCadre;
    const lower = (await data(people, REGISTER_CADRE, { name: '孙八', key: 'case-key' })).registerCadre;
    expect([upper.name, lower.name, upper.id === lower.id]).toEqual(['钱七', '孙八', false]);
    expect(await count(Cadre)()).toBe(before + 2);
  });

  it('registerHousehold: a retry is the first household; another caller with the same key and head is refused by the ID number, not answered', async () => {
    const head = { name: '张三', idNumber: idNumber(1), phone: '13900139000' };
    const { first, theirs } = await expectIdempotentCreate(people, {
      mutation: REGISTER_HOUSEHOLD,
      field: 'registerHousehold',
      variables: { divisionCode: COMMUNITY, head, tags: ['POOR', 'OLD_PARTY_MEMBER'] },
      otherContent: { head: { ...head, idNumber: idNumber(2) } },
      otherCallerContent: { head: { ...head, name: '张四', idNumber: idNumber(3) } },
      count: count(Household),
    });
    expect(first).toEqual({
      id: first.id,
      version: 1,
      division: { code: COMMUNITY },
      head: { name: '张三', idNumber: idNumber(1) },
      members: [{ id: first.members[0].id }],
      tags: ['POOR', 'OLD_PARTY_MEMBER'],
    });
    expect(theirs.head).toEqual({ name: '张四', idNumber: idNumber(3) });
    // Tags are a set: listed in another order, it is the same request.
    const reordered = await data(people, REGISTER_HOUSEHOLD, { divisionCode: COMMUNITY, head, tags: ['OLD_PARTY_MEMBER', 'POOR'], key: 'retry-registerHousehold' });
    expect(reordered.registerHousehold).toEqual(first);
    // Another caller sending what the first sent, under the same key, gets no access to the first household.
    const shared = { divisionCode: COMMUNITY, head: { name: '张五', idNumber: idNumber(4) }, key: 'shared-household' };
    const mine = (await data(people, REGISTER_HOUSEHOLD, shared)).registerHousehold;
    const before = await count(Household)();
    expect(extensions(await runOperation(people, REGISTER_HOUSEHOLD, shared, otherAdminViewer))).toEqual([{ code: 'CONFLICT', field: 'head.idNumber' }]);
    expect(await count(Household)()).toBe(before);
    expect((await data(people, REGISTER_HOUSEHOLD, shared)).registerHousehold).toEqual(mine);
  });

  it('addResident: a retry is the first resident, even though the household has moved on past expectedVersion', async () => {
    const household = (await data(people, REGISTER_HOUSEHOLD, { divisionCode: COMMUNITY, head: { name: '周一', idNumber: idNumber(10) } })).registerHousehold;
    const resident = { name: '周二', idNumber: idNumber(11) };
    const { first, theirs } = await expectIdempotentCreate(people, {
      mutation: ADD_RESIDENT,
      field: 'addResident',
      variables: { householdId: household.id, resident, expectedVersion: 1 },
      otherContent: { resident: { ...resident, idNumber: idNumber(12) } },
      otherCallerContent: { resident: { name: '周三', idNumber: idNumber(13) }, expectedVersion: 2 },
      count: count(Resident),
    });
    expect(first).toEqual({ id: first.id, name: '周二', idNumber: idNumber(11), phone: null, household: { id: household.id } });
    expect(theirs).toEqual({ id: theirs.id, name: '周三', idNumber: idNumber(13), phone: null, household: { id: household.id } });
    // Without a key, the same request is what it always was: the version has moved on.
    expect(extensions(await runOperation(people, ADD_RESIDENT, { householdId: household.id, resident, expectedVersion: 1 }))).toEqual([
      { code: 'CONFLICT', field: 'expectedVersion' },
    ]);
    const members = await data(people, `query($id: ID!) { household(id: $id) { version members { name } } }`, { id: household.id });
    expect([members.household.version, members.household.members.map((m: { name: string }) => m.name).sort()]).toEqual([3, ['周一', '周三', '周二'].sort()]);
  });

  it('linkCadre: a retry is the first link, not a duplicate; another caller with the same key and link is refused as a duplicate', async () => {
    const { first, theirs } = await expectIdempotentCreate(people, {
      mutation: LINK_CADRE,
      field: 'linkCadre',
      variables: { cadreId: cadres[0], targetId: COMMUNITY, role: 'MEMBER' },
      otherContent: { role: 'LEAD' },
      otherCallerContent: { targetId: '370502001202' },
      count: count(Liaison),
    });
    expect(first).toEqual({ id: first.id, role: 'MEMBER', since: '2026-07-01', until: null, cadre: { id: cadres[0] }, target: { code: COMMUNITY } });
    expect(theirs).toEqual({ id: theirs.id, role: 'MEMBER', since: '2026-07-01', until: null, cadre: { id: cadres[0] }, target: { code: '370502001202' } });
    // Another caller sending what the first sent, under the same key, gets no access to the first link.
    const shared = { cadreId: cadres[2], targetId: COMMUNITY, role: 'MEMBER', key: 'shared-link' };
    const mine = (await data(people, LINK_CADRE, shared)).linkCadre;
    const before = await count(Liaison)();
    expect(extensions(await runOperation(people, LINK_CADRE, shared, otherAdminViewer))).toEqual([{ code: 'CONFLICT', field: 'targetId' }]);
    expect(await count(Liaison)()).toBe(before);
    expect((await data(people, LINK_CADRE, shared)).linkCadre).toEqual(mine);
  });

  it('linkCadre: 10 concurrent retries with one key make one link', async () => {
    const link = await expectOneOfConcurrent(people, {
      mutation: LINK_CADRE,
      field: 'linkCadre',
      variables: { cadreId: cadres[1], targetId: COMMUNITY, role: 'LEAD' },
      count: count(Liaison),
      key: 'link-race',
    });
    expect(link).toEqual({ id: link.id, role: 'LEAD', since: '2026-07-01', until: null, cadre: { id: cadres[1] }, target: { code: COMMUNITY } });
    expect(await people.ds.getRepository(IdempotencyRecord).findBy({ idempotencyKey: 'link-race' })).toEqual([
      expect.objectContaining({ operation: 'linkCadre', caller: adminViewer.sub, resultId: link.id }),
    ]);
  });

  it('recordVisit: a retry, with the cadres in another order, is the first visit; another caller records its own', async () => {
    const { first, theirs } = await expectIdempotentCreate(people, {
      mutation: RECORD_VISIT,
      field: 'recordVisit',
      variables: { cadreIds: [cadres[0], cadres[1]], targetId: COMMUNITY, notes: '座谈' },
      otherContent: { notes: '另一次座谈' },
      count: count(Visit),
    });
    const visit = { kind: 'FORUM', date: '2026-06-30', notes: '座谈', cadres: byId([cadres[0], cadres[1]]), target: { code: COMMUNITY } };
    expect(first).toEqual({ id: first.id, ...visit });
    expect(theirs).toEqual({ id: theirs.id, ...visit });
    const reordered = await data(people, RECORD_VISIT, { cadreIds: [cadres[1], cadres[0]], targetId: COMMUNITY, notes: '座谈', key: 'retry-recordVisit' });
    expect(reordered.recordVisit).toEqual(first);
  });

  it('recordVisit: 10 concurrent retries with one key record one visit with its cadres', async () => {
    const visitCadres = () => people.ds.getRepository(VisitCadre).count();
    const before = await visitCadres();
    const visit = await expectOneOfConcurrent(people, {
      mutation: RECORD_VISIT,
      field: 'recordVisit',
      variables: { cadreIds: [cadres[2], cadres[0]], targetId: COMMUNITY, notes: '走访' },
      count: count(Visit),
      key: 'visit-race',
    });
    expect(visit).toEqual({ id: visit.id, kind: 'FORUM', date: '2026-06-30', notes: '走访', cadres: byId([cadres[2], cadres[0]]), target: { code: COMMUNITY } });
    expect(await visitCadres()).toBe(before + 2);
  });

  it('answers a retry from the record while the owner subgraphs are away; a new write still needs them', async () => {
    const variables = { cadreIds: [cadres[0], cadres[2]], targetId: COMMUNITY, notes: '回访' };
    const first = (await data(people, RECORD_VISIT, { ...variables, key: 'before-outage' })).recordVisit;
    await owners.close();
    const before = await count(Visit)();
    expect((await data(people, RECORD_VISIT, { ...variables, key: 'before-outage' })).recordVisit).toEqual(first);
    expect(extensions(await runOperation(people, RECORD_VISIT, { ...variables, key: 'during-outage' }))).toEqual([
      { code: 'SERVICE_UNAVAILABLE', subgraph: 'places' },
    ]);
    expect(await count(Visit)()).toBe(before);
  });
});
