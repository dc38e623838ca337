import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from 'jose';
import { createServiceCredentials, createTokenVerifier, loadPublicKeys, signToken, type SigningKey, type Viewer } from './auth';
import { devKeyPaths, devTokenSigner, ensureDevKeys, keyConfig, loadTrust } from './keys';
import { testIssuerKey, testServiceKey, testToken, testTrust } from './testing';

const codeOf = async (p: Promise<unknown>) => p.then(() => 'OK', (e: { extensions?: { code?: string } }) => e.extensions?.code);
const department: Viewer = { sub: 'u1', role: 'DEPARTMENT', scope: '370502000000', departmentId: 'D-370502-01' };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const file = path.join(dir, f);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe('tokens', () => {
  it('round-trips a viewer through a token signed by the issuer', async () => {
    const { verifyToken } = await testTrust('people');
    expect(await verifyToken(`Bearer ${await testToken(department)}`)).toEqual(department);
  });

  it('refuses HS256 with any secret in DATA_DIR, alg none, no exp, an expired token, another issuer, audience or key', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keys-'));
    const sign = await devTokenSigner(dataDir, {});
    const trust = await loadTrust(keyConfig({ DATA_DIR: dataDir, AUTH_ISSUER: 'cadres-dev', AUTH_AUDIENCE: 'cadres' }, 'gateway'), 'gateway');
    const claims = { role: 'ADMIN' };
    const dev = { issuer: 'cadres-dev', audience: 'cadres' };
    const hs256 = filesUnder(dataDir).map((file) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer(dev.issuer).setAudience(dev.audience).setExpirationTime('1h').sign(new TextEncoder().encode(readFileSync(file, 'utf8'))),
    );
    const issuer = (await readIssuer(dataDir)) as SigningKey;
    const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const cases: Record<string, Promise<string>> = {
      none: Promise.resolve(new UnsecuredJWT(claims).setSubject('x').setIssuer(dev.issuer).setAudience(dev.audience).setExpirationTime('1h').encode()),
      noExp: new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: issuer.kid }).setSubject('x').setIssuer(dev.issuer).setAudience(dev.audience).sign(issuer.key),
      expired: sign({ sub: 'x', role: 'ADMIN', scope: null }, '-10m'),
      otherIssuer: signToken({ sub: 'x', role: 'ADMIN', scope: null }, issuer, { ...dev, issuer: 'elsewhere' }),
      otherAudience: signToken({ sub: 'x', role: 'ADMIN', scope: null }, issuer, { ...dev, audience: 'another-graph' }),
      otherKey: signToken({ sub: 'x', role: 'ADMIN', scope: null }, { kid: issuer.kid, alg: 'EdDSA', key: stranger.privateKey }, dev),
      badScope: sign({ sub: 'x', role: 'ADMIN', scope: '12345' }, '1h'),
      ...Object.fromEntries(hs256.map((t, i) => [`hs256-${i}`, t])),
    };
    expect(hs256.length).toBeGreaterThanOrEqual(4);
    const outcomes: Record<string, string | undefined> = {};
    for (const [name, token] of Object.entries(cases)) outcomes[name] = await codeOf(trust.verifyToken(`Bearer ${await token}`));
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(cases).map((name) => [name, 'UNAUTHENTICATED'])));
    expect(await codeOf(trust.verifyToken(undefined))).toBe('UNAUTHENTICATED');
    expect(await codeOf(trust.verifyToken(`Bearer ${await sign({ sub: 'x', role: 'ADMIN', scope: null }, '1h')}`))).toBe('OK');
  });

  it('reads the issuer keys from a JWKS URL', async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'EdDSA' }] };
    const server = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(jwks)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const to = { issuer: 'https://idp.example', audience: 'cadres' };
      const verify = createTokenVerifier(loadPublicKeys(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`), to);
      const token = await signToken(department, { kid: 'idp-1', alg: 'EdDSA', key: privateKey }, to);
      expect(await verify(`Bearer ${token}`)).toEqual(department);
    } finally {
      server.close();
    }
  });
});

async function readIssuer(dataDir: string) {
  const { readSigningKey } = await import('./keys');
  return readSigningKey(devKeyPaths(dataDir).tokenKey);
}

describe('development keys', () => {
  it('are made once, private keys readable by the owner only, and the JWKS files hold public keys only', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keys-'));
    await ensureDevKeys(dataDir, ['gateway', 'people']);
    const paths = devKeyPaths(dataDir);
    const first = readFileSync(paths.serviceKey('people'), 'utf8');
    await ensureDevKeys(dataDir, ['gateway', 'people', 'places']);
    expect(readFileSync(paths.serviceKey('people'), 'utf8')).toBe(first);
    expect(statSync(paths.tokenKey).mode & 0o777).toBe(0o600);
    const services = JSON.parse(readFileSync(paths.serviceKeys, 'utf8')) as { keys: { kid: string; d?: string }[] };
    expect(services.keys.map((k) => [k.kid, 'd' in k])).toEqual([['gateway', false], ['people', false], ['places', false]]);
    expect(() => loadPublicKeys(paths.tokenKey.replace('.jwk', '.missing'))).toThrow(/cannot read the public keys/);
  });

  it('a JWKS with a private key is refused, so that nobody ships the signing key by mistake', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keys-'));
    await ensureDevKeys(dataDir, []);
    const file = path.join(dataDir, 'leaked.json');
    require('node:fs').writeFileSync(file, JSON.stringify({ keys: [JSON.parse(readFileSync(devKeyPaths(dataDir).tokenKey, 'utf8'))] }));
    expect(() => loadPublicKeys(file)).toThrow(/private or symmetric key/);
  });
});

describe('service credentials', () => {
  const body = '{"query":"{ _entities(representations: $r) { __typename } }"}';
  const auth = 'Bearer caller';

  it('bind the audience, the body and the caller, and name the issuing service', async () => {
    const gateway = (await testTrust('gateway')).credentials;
    const people = (await testTrust('people')).credentials;
    const credential = await gateway.sign('people', body, auth);
    expect(await people.verify(credential, body, auth)).toBe('gateway');
    const outcomes = {
      missing: await codeOf(people.verify(undefined, body, auth)),
      forBodyOther: await codeOf(people.verify(credential, body.replace('__typename', 'id'), auth)),
      forOtherCaller: await codeOf(people.verify(credential, body, 'Bearer someone-else')),
      forOtherSubgraph: await codeOf((await testTrust('issues')).credentials.verify(credential, body, auth)),
      garbage: await codeOf(people.verify('a.b.c', body, auth)),
    };
    expect(outcomes).toEqual({ missing: 'UNAUTHENTICATED', forBodyOther: 'UNAUTHENTICATED', forOtherCaller: 'UNAUTHENTICATED', forOtherSubgraph: 'UNAUTHENTICATED', garbage: 'UNAUTHENTICATED' });
  });

  it('refuse a key that is not trusted, one service speaking for another, an old credential, and a token key', async () => {
    const people = (await testTrust('people')).credentials;
    const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const untrusted = createServiceCredentials('x', { kid: 'gateway', alg: 'EdDSA', key: stranger.privateKey }, async () => stranger.publicKey);
    const placesKey = await testServiceKey('places');
    const gatewayKey = await testServiceKey('gateway');
    // places' own key, claiming to be the gateway; and a gateway credential from ten minutes ago.
    const asGateway = new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'places' }).setIssuer('gateway').setAudience('people').setIssuedAt().setExpirationTime('1m');
    const old = new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'gateway' }).setIssuer('gateway').setAudience('people').setIssuedAt(Math.floor(Date.now() / 1000) - 600).setExpirationTime('1h');
    const tokenSigned = await new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'test-issuer' }).setIssuer('test-issuer').setAudience('people').setIssuedAt().setExpirationTime('1m').sign((await testIssuerKey()).key);
    const fromPlaces = createServiceCredentials('places', placesKey, async () => stranger.publicKey);
    expect(await people.verify(await fromPlaces.sign('people', body, auth), body, auth)).toBe('places');
    const outcomes = {
      untrusted: await codeOf(people.verify(await untrusted.sign('people', body, auth), body, auth)),
      speakingForAnother: await codeOf(people.verify(await asGateway.sign(placesKey.key), body, auth)),
      old: await codeOf(people.verify(await old.sign(gatewayKey.key), body, auth)),
      tokenIssuerKey: await codeOf(people.verify(tokenSigned, body, auth)),
    };
    expect(outcomes).toEqual({ untrusted: 'UNAUTHENTICATED', speakingForAnother: 'UNAUTHENTICATED', old: 'UNAUTHENTICATED', tokenIssuerKey: 'UNAUTHENTICATED' });
  });
});

describe('key rotation', () => {
  it('accepts credentials signed with the old or the new key while both are published under one kid', async () => {
    const pairs = await Promise.all([1, 2].map(() => generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })));
    const jwks = { keys: await Promise.all(pairs.map(async ({ publicKey }) => ({ ...(await exportJWK(publicKey)), kid: 'gateway', alg: 'EdDSA' }))) };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rotate-'));
    const file = path.join(dir, 'services.jwks.json');
    require('node:fs').writeFileSync(file, JSON.stringify(jwks));
    const people = createServiceCredentials('people', { kid: 'people', alg: 'EdDSA', key: pairs[0].privateKey }, loadPublicKeys(file));
    const [old, fresh] = pairs.map(({ privateKey }) => createServiceCredentials('gateway', { kid: 'gateway', alg: 'EdDSA', key: privateKey }, loadPublicKeys(file)));
    const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = createServiceCredentials('gateway', { kid: 'gateway', alg: 'EdDSA', key: stranger.privateKey }, loadPublicKeys(file));
    expect([
      await people.verify(await old.sign('people', '{}', undefined), '{}', undefined),
      await people.verify(await fresh.sign('people', '{}', undefined), '{}', undefined),
      await codeOf(people.verify(await forged.sign('people', '{}', undefined), '{}', undefined)),
    ]).toEqual(['gateway', 'gateway', 'UNAUTHENTICATED']);
  });
});
