// A subgraph answers only the gateway (and its peers): a caller with a valid token but without
// the per-request service credential gets nothing, and a credential fits only its own request.
import { buildDemoWorld } from '@cadres/demo';
import { CREDENTIAL_HEADER, type Subgraph } from '@cadres/kit';
import { adminViewer, authorizationFor, createTestSubgraph, describeEachDatabase, subgraphRequestHeaders, testTrust } from '@cadres/kit/src/testing';
import { subgraph as enterprisesSubgraph } from '@cadres/enterprises';
import { subgraph as placesSubgraph } from '@cadres/places';

describeEachDatabase('a subgraph reached directly', (db) => {
  let places: Subgraph;
  let url: string;
  beforeAll(async () => {
    places = await createTestSubgraph(placesSubgraph, db);
    await places.seed(buildDemoWorld({ seed: 2023, scale: 1 }));
    url = (await places.listen(0)).url;
  });
  afterAll(() => places.stop());

  const post = async (body: string, headers: Record<string, string>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, body: await response.json() };
  };
  const division = JSON.stringify({ query: '{ division(code: "370502000000") { name } }' });
  const refused = {
    status: 401,
    body: { errors: [{ message: 'The places subgraph answers only the gateway: the request carries no valid x-service-credential', extensions: { code: 'UNAUTHENTICATED' } }] },
  };

  it('answers a request with the gateway credential for it', async () => {
    expect(await post(division, await subgraphRequestHeaders(adminViewer, 'places', division))).toEqual({ status: 200, body: { data: { division: { name: '东营区' } } } });
  });

  it('answers a GET whose credential binds its query string', async () => {
    const search = `?query=${encodeURIComponent('{ division(code: "370502000000") { name } }')}`;
    const response = await fetch(`${url}${search}`, { headers: { 'apollo-require-preflight': 'true', ...(await subgraphRequestHeaders(adminViewer, 'places', search)) } });
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { data: { division: { name: '东营区' } } } });
  });

  it('refuses a valid token without a credential, and a credential for another body, caller or subgraph', async () => {
    const forged = JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Division', code: '370502000000' }] } });
    const analyst = { sub: 'a', role: 'ANALYST' as const, scope: null };
    const forAnother = await subgraphRequestHeaders(adminViewer, 'places', division);
    const outcomes = {
      tokenOnly: await post(division, { authorization: await authorizationFor(adminViewer) }),
      otherBody: await post(forged, forAnother),
      otherCaller: await post(division, { ...forAnother, authorization: await authorizationFor(analyst) }),
      otherSubgraph: await post(division, await subgraphRequestHeaders(adminViewer, 'people', division)),
      garbage: await post(division, { authorization: await authorizationFor(adminViewer), [CREDENTIAL_HEADER]: 'x.y.z' }),
    };
    expect(outcomes).toEqual({ tokenOnly: refused, otherBody: refused, otherCaller: refused, otherSubgraph: refused, garbage: refused });
  });

  it('refuses a request without a valid token before anything else', async () => {
    expect(await post(division, {})).toEqual({ status: 401, body: { errors: [{ message: 'A valid bearer token is required', extensions: { code: 'UNAUTHENTICATED' } }] } });
  });
});

describeEachDatabase("a peer subgraph's question", (db) => {
  let enterprises: Subgraph;
  let url: string;
  const world = buildDemoWorld({ seed: 2023, scale: 1 });
  beforeAll(async () => {
    enterprises = await createTestSubgraph(enterprisesSubgraph, db, { fakeOwners: true });
    await enterprises.seed(world);
    url = (await enterprises.listen(0)).url;
  });
  afterAll(() => enterprises.stop());

  it('is answered within the caller’s scope whatever its role: the hotline reports on an enterprise it cannot read', async () => {
    const partner = { sub: 'hotline', role: 'PARTNER' as const, scope: '370502000000' };
    const inDistrict = world.enterprises.find((e) => e.divisionCode.startsWith('370502'))!;
    const elsewhere = world.enterprises.find((e) => !e.divisionCode.startsWith('370502'))!;
    const lookup = (id: string) => JSON.stringify({ query: 'query($id: ID!) { a: enterprise(id: $id) { id } }', variables: { id } });
    const body = lookup(inDistrict.id);
    const other = lookup(elsewhere.id);
    const ask = async (payload: string, from: 'gateway' | 'issues') => {
      const authorization = await authorizationFor(partner);
      const credential = await (await testTrust(from)).credentials.sign('enterprises', payload, authorization);
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization, [CREDENTIAL_HEADER]: credential }, body: payload });
      return (await res.json()) as { data: { a: { id: string } | null } };
    };
    expect({
      throughTheGateway: (await ask(body, 'gateway')).data.a,
      fromIssues: (await ask(body, 'issues')).data.a,
      fromIssuesOutOfScope: (await ask(other, 'issues')).data.a,
    }).toEqual({ throughTheGateway: null, fromIssues: { id: inDistrict.id }, fromIssuesOutOfScope: null });
  });
});
