import { createHash } from 'node:crypto';
import { SignJWT, createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey, type JWTVerifyOptions, type KeyLike } from 'jose';
import { readFileSync } from 'node:fs';
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

/**
 * Only asymmetric signatures: whoever verifies holds a public key and can sign nothing. HS256
 * (and `none`) are refused, since with a shared secret every verifier could mint tokens.
 */
export const signatureAlgorithms = ['EdDSA', 'ES256', 'RS256'];

const claims = z.object({
  sub: z.string().min(1).max(100),
  role: z.enum(roles),
  scope: z
    .string()
    .refine(isValidDivisionCode, 'scope must be a valid 12-digit division code')
    .nullish(),
  departmentId: z.string().max(100).optional(),
  cadreId: z.string().max(100).optional(),
});

/** Who issues callers' tokens and whom they are for: checked on every token. */
export interface TokenAudience {
  issuer: string;
  audience: string;
}

/** A private signing key, with the key id verifiers look it up by. */
export interface SigningKey {
  kid: string;
  alg: string;
  key: KeyLike;
}

/** What issuing a token needs: done by the identity provider in production, by `npm run token` in development. */
export async function signToken(viewer: Viewer, signer: SigningKey, to: TokenAudience, expiresIn: string | number = '12h'): Promise<string> {
  const { sub, ...rest } = viewer;
  const payload = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null));
  return new SignJWT(payload)
    .setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(to.issuer)
    .setAudience(to.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(signer.key);
}

/**
 * jwtVerify against a key set that may hold two keys under one kid (the old and the new during a
 * rotation): each is tried, and the first that verifies wins.
 */
async function verifyWithAnyKey(jwt: string, keys: JWTVerifyGetKey, options: JWTVerifyOptions) {
  try {
    return await jwtVerify(jwt, keys, options);
  } catch (e) {
    if (!(e instanceof errors.JWKSMultipleMatchingKeys)) throw e;
    let last: unknown = e;
    for await (const key of e) {
      try {
        return await jwtVerify(jwt, key, options);
      } catch (failed) {
        last = failed;
      }
    }
    throw last;
  }
}

/** Verifies `Authorization: Bearer …` headers against the issuer's public keys. */
export type TokenVerifier = (authorization: string | undefined | null) => Promise<Viewer>;

/**
 * Anything but a token signed by one of `keys`, from `issuer` for `audience`, with an `exp`
 * still ahead, is UNAUTHENTICATED.
 */
export function createTokenVerifier(keys: JWTVerifyGetKey, to: TokenAudience): TokenVerifier {
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthenticated();
    let payload: unknown;
    try {
      ({ payload } = await verifyWithAnyKey(match[1], keys, {
        algorithms: signatureAlgorithms,
        issuer: to.issuer,
        audience: to.audience,
        requiredClaims: ['exp'],
        clockTolerance: 5,
      }));
    } catch {
      throw unauthenticated('The bearer token is invalid, expired, or not issued for this graph');
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) throw unauthenticated(`The token's claims are invalid: ${parsed.error.issues[0].message}`);
    return { ...parsed.data, scope: parsed.data.scope ?? null };
  };
}

/**
 * Public keys from `source`: an https:// (or http://) JWKS URL, fetched when first needed,
 * cached for ten minutes and fetched again when a token names a key it does not hold (a
 * rotation); or a JWKS file, read now.
 */
export function loadPublicKeys(source: string): JWTVerifyGetKey {
  if (/^https?:\/\//i.test(source)) return createRemoteJWKSet(new URL(source), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 });
  let jwks: JSONWebKeySet;
  try {
    jwks = JSON.parse(readFileSync(source, 'utf8')) as JSONWebKeySet;
  } catch (e) {
    throw new Error(`cannot read the public keys in ${source} (${(e as Error).message})`);
  }
  if (jwks.keys?.some((k) => 'd' in k || 'k' in k)) throw new Error(`${source} holds a private or symmetric key; a JWKS here must hold public keys only`);
  return createLocalJWKSet(jwks);
}

// ---------------------------------------------------------------------------------------------
// Service credentials: a subgraph answers only the gateway and its peers.
//
// Each service (the gateway, every subgraph) signs, per request it sends to a subgraph, a
// credential that lives a minute and binds the request: its audience (the subgraph), the hash
// of its body and the hash of the caller's token. A client that reaches a subgraph directly has
// no service key, so it cannot send `_entities` representations or `@requires` inputs of its
// own making, nor skip the gateway's limits; a captured credential fits only its own request.

export const CREDENTIAL_HEADER = 'x-service-credential';
const CREDENTIAL_LIFETIME_S = 60;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

export interface ServiceCredentials {
  /** The credential for one request from this service to `audience` with `payload` (the POST body, or the GET query string). */
  sign(audience: string, payload: string, authorization: string | undefined): Promise<string>;
  /** The issuing service's name when `credential` is valid for this service and this request; UNAUTHENTICATED otherwise. */
  verify(credential: string | undefined, payload: string, authorization: string | undefined): Promise<string>;
}

/**
 * `self` signs with `key` (its kid is the service's name) and accepts credentials signed by any
 * of `trusted` whose key id names the issuer.
 */
export function createServiceCredentials(self: string, key: SigningKey, trusted: JWTVerifyGetKey): ServiceCredentials {
  const refused = () => unauthenticated(`The ${self} subgraph answers only the gateway: the request carries no valid ${CREDENTIAL_HEADER}`);
  return {
    sign: (audience, payload, authorization) =>
      new SignJWT({ bh: sha256(payload), ath: sha256(authorization ?? '') })
        .setProtectedHeader({ alg: key.alg, kid: key.kid })
        .setIssuer(key.kid)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${CREDENTIAL_LIFETIME_S}s`)
        .sign(key.key),
    async verify(credential, payload, authorization) {
      if (!credential) throw refused();
      try {
        const { payload: c } = await verifyWithAnyKey(credential, trusted, {
          algorithms: signatureAlgorithms,
          audience: self,
          requiredClaims: ['exp', 'iat', 'iss'],
          maxTokenAge: CREDENTIAL_LIFETIME_S + 5,
          clockTolerance: 5,
        });
        // The key that signed it must be the issuer's own: one service cannot speak for another.
        if (c.iss !== decodeProtectedHeader(credential).kid || c.bh !== sha256(payload) || c.ath !== sha256(authorization ?? '')) throw refused();
        return c.iss!;
      } catch {
        throw refused();
      }
    },
  };
}

/** What a process needs to check callers and, for subgraphs, the services that call it. */
export interface Trust {
  verifyToken: TokenVerifier;
  credentials: ServiceCredentials;
}
