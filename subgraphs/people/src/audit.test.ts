// The audit log of unmasked ID number reads: the rows exact, written in the request, and read
// back by ADMIN only, with its filters.
import { maskIdNumber, type Viewer } from '@cadres/kit';
import { adminViewer, authorizationFor, describeEachDatabase } from '@cadres/kit/src/testing';
import { IdNumberRead } from './entities';
import { NOW, demo, household, members, useDemoPeople } from './testing';

const district = household.divisionCode.slice(0, 6) + '000000';
const other = demo.households.find((h) => !h.divisionCode.startsWith(district.slice(0, 6)))!;
const otherMembers = demo.residents.filter((r) => r.householdId === other.id);

describeEachDatabase('people audit of unmasked ID number reads', (db) => {
  const t = useDemoPeople(db);
  const { ok, failure } = t;

  /** A request as the gateway sends it: its own operation name and request id. */
  async function request(query: string, viewer: Viewer, requestId: string) {
    const response = await t.people.server.executeOperation(
      { query, variables: { h: household.id, o: other.id } },
      { contextValue: t.people.context(viewer, requestId, await authorizationFor(viewer)) },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
    return response.body.singleResult.data as Record<string, any>;
  }
  const rows = () => t.people.ds.getRepository(IdNumberRead).find({ order: { residentId: 'ASC' } });
  const record = (viewer: Viewer, residentId: string, operationName: string | null, requestId: string) => ({
    id: expect.any(String),
    viewerSub: viewer.sub,
    viewerRole: viewer.role,
    residentId,
    readAt: NOW,
    operationName,
    requestId,
  });

  it('appends one record per unmasked ID number read, in the request, with operation and request id; none for masked reads', async () => {
    const analyst: Viewer = { sub: 'audit-analyst', role: 'ANALYST', scope: null };
    // the gateway names its subgraph operation <client's name>__people__<n>
    const masked = await request(`query Dashboard__people__0($h: ID!) { household(id: $h) { members { idNumber } } }`, analyst, 'req-analyst');
    expect(masked.household.members).toEqual(members.map((m) => ({ idNumber: maskIdNumber(m.idNumber) })));
    expect(await rows()).toEqual([]);

    const plain = await request(`query Dashboard__people__0($h: ID!, $o: ID!) { household(id: $h) { members { idNumber phone } } other: household(id: $o) { head { idNumber } } }`, adminViewer, 'req-1');
    expect(plain.household.members.map((m: { idNumber: string }) => m.idNumber)).toEqual(members.map((m) => m.idNumber));
    // phones are personal data too, but only ID number reads are audited
    const expected = [...members.map((m) => m.id), other.headId].sort().map((id) => record(adminViewer, id, 'Dashboard', 'req-1'));
    expect(await rows()).toEqual(expected);
    // an operation without a name is recorded as such
    await request(`query($h: ID!) { household(id: $h) { head { idNumber } } }`, adminViewer, 'req-2');
    expect((await rows()).filter((r) => r.requestId === 'req-2')).toEqual([record(adminViewer, household.headId, null, 'req-2')]);
  });

  it('answers ADMIN with filters, newest first, within its scope; others FORBIDDEN', async () => {
    const q = `query($sub: String, $res: ID, $from: Date, $to: Date) { idNumberReads(viewerSub: $sub, residentId: $res, from: $from, to: $to, first: 500) {
      totalCount nodes { viewerSub viewerRole residentId readAt operationName requestId resident { id } } } }`;
    const all = (await ok(q)).idNumberReads;
    expect(all.totalCount).toBe(members.length + 2);
    expect(all.nodes.map((n: { residentId: string }) => n.residentId).sort()).toEqual([...members.map((m) => m.id), other.headId, household.headId].sort());
    expect(all.nodes.find((n: { requestId: string }) => n.requestId === 'req-2')).toEqual({
      viewerSub: adminViewer.sub,
      viewerRole: 'ADMIN',
      residentId: household.headId,
      readAt: NOW.toISOString(),
      operationName: null,
      requestId: 'req-2',
      resident: { id: household.headId },
    });
    // reading the log's resident { id } reads no ID number: the log did not grow
    expect((await ok(q)).idNumberReads.totalCount).toBe(members.length + 2);
    expect((await ok(q, { res: household.headId })).idNumberReads.totalCount).toBe(2);
    expect((await ok(q, { sub: 'nobody' })).idNumberReads.totalCount).toBe(0);
    // NOW is 1 July 2026, 10:00 in Beijing
    expect((await ok(q, { from: '2026-07-01', to: '2026-07-01' })).idNumberReads.totalCount).toBe(members.length + 2);
    expect((await ok(q, { to: '2026-06-30' })).idNumberReads.totalCount).toBe(0);
    expect((await ok(q, { from: '2026-07-02' })).idNumberReads.totalCount).toBe(0);
    // an ADMIN scoped to another district sees only the reads of its residents
    const scoped: Viewer = { sub: 'audit-admin-2', role: 'ADMIN', scope: other.divisionCode.slice(0, 6) + '000000' };
    expect((await ok(q, {}, scoped)).idNumberReads.nodes.map((n: { residentId: string }) => n.residentId)).toEqual([other.headId]);
    expect(otherMembers.map((m) => m.id)).toContain(other.headId);
    for (const role of ['DEPARTMENT', 'CADRE', 'ANALYST', 'PARTNER'] as const) {
      expect(await failure(q, {}, { sub: 'x', role, scope: null })).toEqual([{ code: 'FORBIDDEN' }]);
    }
  });

  it('has no mutation that changes the log', async () => {
    const r = await ok(`{ __type(name: "Mutation") { fields { name } } }`);
    expect(r.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(['addResident', 'assessFirstSecretary', 'createCampaign', 'createPledge', 'linkCadre', 'recordHelp', 'recordVisit', 'registerCadre', 'registerDepartment', 'registerHousehold', 'setPledgeStatus', 'unlinkCadre', 'updateCampaign', 'updateDepartment']);
  });
});
