import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { resolveAuthSecret, signToken, verifyAuthorization } from './auth';

const secret = 'unit-test-secret-unit-test-secret-0000';
const codeOf = async (p: Promise<unknown>) => p.then(() => 'OK', (e: { extensions?: { code?: string } }) => e.extensions?.code);

describe('auth', () => {
  it('round-trips a viewer through a signed token', async () => {
    const token = await signToken({ sub: 'u1', role: 'DEPARTMENT', scope: '370502000000', departmentId: 'D-370502-01' }, secret);
    expect(await verifyAuthorization(`Bearer ${token}`, secret)).toEqual({
      sub: 'u1',
      role: 'DEPARTMENT',
      scope: '370502000000',
      departmentId: 'D-370502-01',
    });
  });

  it('gives a token without scope a null scope', async () => {
    const token = await signToken({ sub: 'a', role: 'ADMIN', scope: null }, secret);
    expect(await verifyAuthorization(`bearer ${token}`, secret)).toEqual({ sub: 'a', role: 'ADMIN', scope: null });
  });

  it('refuses missing, malformed, foreign, expired and ill-claimed tokens as UNAUTHENTICATED', async () => {
    const key = new TextEncoder().encode(secret);
    const expired = await new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key);
    const badRole = await new SignJWT({ role: 'KING' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').sign(key);
    const badScope = await new SignJWT({ role: 'ADMIN', scope: '37' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').sign(key);
    const foreign = await signToken({ sub: 'a', role: 'ADMIN', scope: null }, 'another-secret-another-secret-00000000');
    const cases = [undefined, '', 'Basic abc', 'Bearer nonsense', `Bearer ${expired}`, `Bearer ${badRole}`, `Bearer ${badScope}`, `Bearer ${foreign}`];
    expect(await Promise.all(cases.map((h) => codeOf(verifyAuthorization(h, secret))))).toEqual(cases.map(() => 'UNAUTHENTICATED'));
  });

  it('generates a development secret once and reuses it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'auth-'));
    const first = resolveAuthSecret(undefined, dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveAuthSecret(undefined, dir)).toBe(first);
    expect(readFileSync(path.join(dir, 'dev-auth-secret'), 'utf8')).toBe(first);
    expect(resolveAuthSecret('x'.repeat(40), dir)).toBe('x'.repeat(40));
  });
});
