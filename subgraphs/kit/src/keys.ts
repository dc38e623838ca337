import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { z } from 'zod';
import { createServiceCredentials, createTokenVerifier, loadPublicKeys, signToken, type SigningKey, type TokenAudience, type Trust, type Viewer } from './auth';
import { subgraphEntries } from './registry';

/**
 * The key settings every process reads. In production AUTH_JWKS is the identity provider's
 * JWKS URL, and each service gets its own private key (SERVICE_KEY_FILE) and the public keys
 * of the services it trusts (SERVICE_JWKS). Unset, they point into DATA_DIR/keys, where
 * `npm start` and `npm run token` create development keys.
 */
export const keySettings = {
  AUTH_JWKS: z.string().min(1).optional(),
  AUTH_ISSUER: z.string().min(1).default('cadres-dev'),
  AUTH_AUDIENCE: z.string().min(1).default('cadres'),
  SERVICE_KEY_FILE: z.string().min(1).optional(),
  SERVICE_JWKS: z.string().min(1).optional(),
  // Gone on purpose: with a shared secret every department could mint a city-wide token.
  AUTH_SECRET: z
    .undefined({ error: 'is no longer read: tokens are verified with public keys (set AUTH_JWKS to the identity provider\'s JWKS URL)' })
    .optional(),
};

export interface KeyConfig extends TokenAudience {
  /** A JWKS URL or file of the token issuer's public keys. */
  tokenKeys: string;
  serviceKeyFile: string;
  serviceKeys: string;
}

/** Where the development keys live under `dataDir`. */
export const devKeyPaths = (dataDir: string) => ({
  tokenKey: path.join(dataDir, 'keys', 'token-issuer.jwk'),
  tokenKeys: path.join(dataDir, 'keys', 'token-issuer.jwks.json'),
  serviceKey: (service: string) => path.join(dataDir, 'keys', 'services', `${service}.jwk`),
  serviceKeys: path.join(dataDir, 'keys', 'services.jwks.json'),
});

/** The key settings of `service`, with DATA_DIR's development keys for what is unset. */
export function keyConfig(e: Record<string, unknown>, service: string): KeyConfig {
  const dev = devKeyPaths(e.DATA_DIR as string);
  return {
    issuer: e.AUTH_ISSUER as string,
    audience: e.AUTH_AUDIENCE as string,
    tokenKeys: (e.AUTH_JWKS as string | undefined) ?? dev.tokenKeys,
    serviceKeyFile: (e.SERVICE_KEY_FILE as string | undefined) ?? dev.serviceKey(service),
    serviceKeys: (e.SERVICE_JWKS as string | undefined) ?? dev.serviceKeys,
  };
}

const ALG = 'EdDSA';

/** A private key from a JWK file (with `kid`). */
export async function readSigningKey(file: string): Promise<SigningKey> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch (e) {
    throw new Error(`cannot read the private key ${file} (${(e as Error).message}); npm start or npm run token creates development keys`);
  }
  if (!jwk.kid || !jwk.d) throw new Error(`${file} is not a private JWK with a kid`);
  const alg = jwk.alg ?? ALG;
  return { kid: jwk.kid, alg, key: (await importJWK(jwk, alg)) as KeyLike };
}

/** The trust of `service`: the issuer's public keys for tokens, its own key and its peers' public keys for credentials. */
export async function loadTrust(config: KeyConfig, service: string): Promise<Trust> {
  const missing = (what: string) => (e: Error) => {
    throw new Error(`${what}: ${e.message}. Set AUTH_JWKS / SERVICE_KEY_FILE / SERVICE_JWKS, or run npm start (or npm run token) once to create development keys in DATA_DIR`);
  };
  let tokenKeys, serviceKeys;
  try {
    tokenKeys = loadPublicKeys(config.tokenKeys);
    serviceKeys = loadPublicKeys(config.serviceKeys);
  } catch (e) {
    missing('no public keys')(e as Error);
  }
  const own = await readSigningKey(config.serviceKeyFile).catch(missing('no service key'));
  if (own.kid !== service) throw new Error(`${config.serviceKeyFile} is the key of ${own.kid}, not of ${service}`);
  return { verifyToken: createTokenVerifier(tokenKeys!, config), credentials: createServiceCredentials(service, own, serviceKeys!) };
}

/** A new private Ed25519 JWK named `kid`. */
export async function newPrivateJwk(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
}

const publicPart = ({ d: _d, ...pub }: JWK): JWK => pub;

function writeNew(file: string, text: string, mode: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, text, { flag: 'wx', mode });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/** Replaced whole (rename), so that a process reading it never sees half a file. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/**
 * Development keys under `dataDir`, created once: the token issuer's key pair (what `npm run
 * token` signs with) and one per service, with the public JWKS files the processes verify
 * with. Existing keys are kept; the JWKS files are rewritten from them.
 */
export async function ensureDevKeys(dataDir: string, services: readonly string[]): Promise<void> {
  const paths = devKeyPaths(dataDir);
  const keyFiles = [{ file: paths.tokenKey, kid: 'dev-issuer' }, ...services.map((s) => ({ file: paths.serviceKey(s), kid: s }))];
  for (const { file, kid } of keyFiles) writeNew(file, JSON.stringify(await newPrivateJwk(kid)), 0o600);
  const read = (file: string) => publicPart(JSON.parse(readFileSync(file, 'utf8')) as JWK);
  writeAtomically(paths.tokenKeys, JSON.stringify({ keys: [read(paths.tokenKey)] }, null, 2));
  const serviceDir = path.dirname(paths.serviceKey('x'));
  mkdirSync(serviceDir, { recursive: true });
  const all = readdirSync(serviceDir).filter((f) => f.endsWith('.jwk')).sort();
  writeAtomically(paths.serviceKeys, JSON.stringify({ keys: all.map((f) => read(path.join(serviceDir, f))) }, null, 2));
}

/**
 * Development only: creates DATA_DIR's keys if needed (for the gateway and every registered
 * subgraph) and returns a signer of tokens for the issuer and audience the processes expect
 * (AUTH_ISSUER, AUTH_AUDIENCE or their defaults).
 */
export async function devTokenSigner(dataDir: string, env: NodeJS.ProcessEnv = process.env) {
  await ensureDevKeys(dataDir, ['gateway', ...subgraphEntries().map((e) => e.name)]);
  const key = await readSigningKey(devKeyPaths(dataDir).tokenKey);
  const to = { issuer: env.AUTH_ISSUER || keySettings.AUTH_ISSUER.parse(undefined), audience: env.AUTH_AUDIENCE || keySettings.AUTH_AUDIENCE.parse(undefined) };
  return (viewer: Viewer, expiresIn: string) => signToken(viewer, key, to, expiresIn);
}
