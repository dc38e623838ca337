import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { askPeer, divisionOf, fetchEntities, PeerError, type PeerContext } from './peer';

/** A peer that records what it was sent and answers with `reply`. */
function fakePeer(reply: (body: any) => { status?: number; json: unknown }) {
  const seen: { headers: http.IncomingHttpHeaders; body: any }[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = JSON.parse(text);
      seen.push({ headers: req.headers, body });
      const { status = 200, json } = reply(body);
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(json));
    });
  });
  return new Promise<{ url: string; seen: typeof seen; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
        seen,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

const ctxFor = (url: string): PeerContext => ({ peers: { places: url }, authorization: 'Bearer abc', requestId: 'req-1', credential: async (peer) => `credential-for-${peer}` });

describe('peer client', () => {
  it('asks _entities once for the whole list, forwarding the token and request id; missing entities are null', async () => {
    const peer = await fakePeer((body) => ({
      json: {
        data: { _entities: body.variables.r.map((r: { code: string }, i: number) => (i === 1 ? null : i === 2 ? null : { code: r.code })) },
        errors: [{ message: 'Division 3 not found', path: ['_entities', 2], extensions: { code: 'NOT_FOUND' } }],
      },
    }));
    try {
      const reps = ['1', '2', '3'].map((code) => ({ __typename: 'Division', code }));
      expect(await fetchEntities(ctxFor(peer.url), 'places', reps, '... on Division { code }')).toEqual([{ code: '1' }, null, null]);
      expect(peer.seen).toHaveLength(1);
      expect(peer.seen[0].headers.authorization).toBe('Bearer abc');
      expect(peer.seen[0].headers['x-request-id']).toBe('req-1');
      expect(peer.seen[0].headers['x-service-credential']).toBe('credential-for-places');
      expect(peer.seen[0].body).toEqual({
        query: 'query PeerEntities($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code } } }',
        variables: { r: reps },
      });
      expect(await fetchEntities(ctxFor(peer.url), 'places', [], 'code')).toEqual([]);
      expect(peer.seen).toHaveLength(1);
    } finally {
      await peer.close();
    }
  });

  it('passes the owner’s UNAUTHENTICATED and FORBIDDEN on, says SERVICE_UNAVAILABLE when it is away, and turns other failures into PeerError', async () => {
    let answer: { status?: number; json: unknown } = { status: 401, json: { errors: [{ message: 'token', extensions: { code: 'UNAUTHENTICATED' } }] } };
    const peer = await fakePeer(() => answer);
    try {
      const rep = [{ __typename: 'Division', code: '1' }];
      await expect(fetchEntities(ctxFor(peer.url), 'places', rep, 'code')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      answer = { json: { errors: [{ message: 'boom', path: ['_entities', 0], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
      await expect(fetchEntities(ctxFor(peer.url), 'places', rep, 'code')).rejects.toThrow(PeerError);
      answer = { json: { data: { _entities: [] } } };
      await expect(fetchEntities(ctxFor(peer.url), 'places', rep, 'code')).rejects.toThrow('right length');
      answer = { status: 502, json: 'bad gateway' };
      await expect(askPeer(ctxFor(peer.url), 'places', '{ x }')).rejects.toThrow(PeerError);
      // Its database is away: the same answer the client would get from the owner itself.
      answer = { json: { data: null, errors: [{ message: 'The places database is not answering', path: ['_entities'], extensions: { code: 'SERVICE_UNAVAILABLE' } }] } };
      await expect(fetchEntities(ctxFor(peer.url), 'places', rep, 'code')).rejects.toMatchObject({
        message: 'The places subgraph is not answering; try again later',
        extensions: { code: 'SERVICE_UNAVAILABLE', subgraph: 'places' },
      });
    } finally {
      await peer.close();
    }
    await expect(askPeer(ctxFor(peer.url), 'places', '{ x }')).rejects.toMatchObject({
      message: 'The places subgraph is not answering; try again later',
      extensions: { code: 'SERVICE_UNAVAILABLE', subgraph: 'places' },
    });
    await expect(askPeer(ctxFor(peer.url), 'enterprises', '{ x }')).rejects.toThrow(/no URL/);
  });
});

describe('the fake owners tests use', () => {
  it("answer what the owners' real SDL serves, and refuse a selection they do not", async () => {
    const { startFakeOwners, testTrust } = await import('./testing');
    const owners = await startFakeOwners();
    const { credentials } = await testTrust('people');
    try {
      const ctx: PeerContext = { peers: owners.peers, requestId: 'r', credential: (peer, payload) => credentials.sign(peer, payload, undefined) };
      // Without a credential the owners answer nothing, as the real ones.
      await expect(divisionOf({ ...ctx, credential: async () => 'forged' }, 'Household', 'h-1', 'targetId')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      // A division is where it is; everything else lies in the fixture's community.
      expect(await divisionOf(ctx, 'Division', '370502001202', 'targetId')).toBe('370502001202');
      for (const type of ['BuildingUnit', 'Household', 'Enterprise', 'Project'] as const) {
        expect([type, await divisionOf(ctx, type, `${type}-1`, 'targetId')]).toEqual([type, '370502001201']);
      }
      await expect(divisionOf(ctx, 'Household', 'missing-1', 'targetId')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'targetId' } });
      // A misspelled field, as a wrong selection in peer.ts would be: the owner refuses it.
      await expect(fetchEntities(ctx, 'places', [{ __typename: 'BuildingUnit', id: 'u' }], '... on BuildingUnit { building { divison { code } } }')).rejects.toThrow(
        /Cannot query field "divison" on type "Building"/,
      );
    } finally {
      await owners.close();
    }
  });
});
