// A subgraph answers only the gateway (and its peers): a caller with a valid token but without
// the per-request service credential gets nothing, and a credential fits only its own request.
import { buildDemoWorld } from '@cadres/demo';
import { CREDENTIAL_HEADER, type Subgraph } from '@cadres/kit';
import { adminViewer, authorizationFor, createTestSubgraph, describeEachDatabase, subgraphRequestHeaders } from '@cadres/kit/src/testing';
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
