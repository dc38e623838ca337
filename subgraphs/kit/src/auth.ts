import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { unauthenticated } from './errors';
import { isValidDivisionCode } from './validators';

export const roles = ['ADMIN', 'DEPARTMENT', 'CADRE', 'ANALYST', 'PARTNER'] as const;
export type Role = (typeof roles)[number];

/** The verified caller. Every resolver receives it through the context. */
export interface Viewer {
  sub: string;
  role: Role;
  /** A division code: the caller sees only that subtree. Null means everywhere. */
  scope: string | null;
  departmentId?: string;
  cadreId?: string;
}

const claims = z.object({
  sub: z.string().min(1).max(100),
  role: z.enum(roles),
  scope: z
    .string()
    .refine(isValidDivisionCode, 'scope must be a valid 12-digit division code')
    .nullish(),
  departmentId: z.string().optional(),
  cadreId: z.string().optional(),
});

const encode = (secret: string) => new TextEncoder().encode(secret);

export async function signToken(viewer: Viewer, secret: string, expiresIn = '12h'): Promise<string> {
  const { sub, ...rest } = viewer;
  const payload = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null));
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(encode(secret));
}

/** Verifies an `Authorization: Bearer …` header. Anything but a valid HS256 token is UNAUTHENTICATED. */
export async function verifyAuthorization(header: string | undefined | null, secret: string): Promise<Viewer> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw unauthenticated();
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(match[1], encode(secret), { algorithms: ['HS256'] }));
  } catch {
    throw unauthenticated('The bearer token is invalid or expired');
  }
  const parsed = claims.safeParse(payload);
  if (!parsed.success) throw unauthenticated(`The token's claims are invalid: ${parsed.error.issues[0].message}`);
  return { ...parsed.data, scope: parsed.data.scope ?? null };
}

/**
 * AUTH_SECRET when set; otherwise a development secret generated once under DATA_DIR, so that
 * `npm start` works with no setup and the gateway and subgraphs agree on it.
 */
export function resolveAuthSecret(authSecret: string | undefined, dataDir: string): string {
  if (authSecret) return authSecret;
  const file = path.join(dataDir, 'dev-auth-secret');
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readFileSync(file, 'utf8').trim();
}
