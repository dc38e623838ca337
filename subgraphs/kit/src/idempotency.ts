import { createHash, randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn, type DataSource, type EntityManager } from 'typeorm';
import { isMysql, isUniqueViolation } from './db';
import { conflict } from './errors';
import { requireText } from './inputs';
import type { SubgraphContext } from './subgraph';
import { transaction } from './tx';

/**
 * Idempotent creation: every mutation that creates something takes an optional
 * `idempotencyKey`, so that a client can retry a write whose answer it never saw (a timeout, a
 * SERVICE_UNAVAILABLE, a database that died right after COMMIT) without creating a duplicate.
 *
 * Each subgraph database has an `idempotency_record` table (a migration of its own, written
 * with literal values; this entity in its entity list). A record is one keyed creation: the
 * operation, the caller's `sub`, the key, a fingerprint of the normalized input and the id of
 * what was created. (operation, caller, key) is unique: keys are per caller, so nobody can
 * reach another caller's result through a key, and per operation, so one key names one write.
 */
@Entity('idempotency_record')
@Index('uq_idempotency_record', ['operation', 'caller', 'idempotencyKey'], { unique: true })
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The mutation's name (`registerCadre`). */
  @Column({ type: 'varchar', length: 60 })
  operation!: string;

  /** The caller's token `sub` (a Viewer's sub is 1..100 characters), or `system:…`. */
  @Column({ type: 'varchar', length: 100 })
  caller!: string;

  @Column({ type: 'varchar', length: 100 })
  idempotencyKey!: string;

  /** SHA-256 (hex) of the normalized input: tells a retry from another write under the same key. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  /** The id of what the write created (the row a retry answers with). */
  @Column({ type: 'varchar', length: 40 })
  resultId!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}

export const IDEMPOTENCY_KEY_MAX = 100;

/** An `idempotencyKey` argument: absent is null; otherwise trimmed, 1..100 characters (BAD_USER_INPUT naming `field`). */
export function idempotencyKeyArg(raw: string | null | undefined, field = 'idempotencyKey'): string | null {
  return raw == null ? null : requireText(raw, field, IDEMPOTENCY_KEY_MAX);
}

/** JSON with object keys sorted (recursively), so that equal inputs always print alike. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The fingerprint of a normalized input: SHA-256 of its canonical JSON. Normalize before
 * (trimmed texts, normalized phones and codes, sets sorted, absent as null) so that a retry
 * that differs only in spelling is the same request; leave out defaults taken from the clock
 * (`since` = today), which a retry after midnight would change.
 */
export function fingerprintOf(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/** One creating mutation, as `createOnce` needs to know it. */
export interface CreateRequest {
  /** The mutation's name: keys are per operation. */
  operation: string;
  /** The validated key (`idempotencyKeyArg`), or null for a plain write. */
  key: string | null;
  /** The caller's `sub` (`ctx.viewer.sub`): keys are per caller. */
  caller: string;
  /** The normalized input (see `fingerprintOf`). */
  input: unknown;
  /** When the record is made (the subgraph's clock). */
  now: Date;
  /** The argument the key came in, for CONFLICT (default `idempotencyKey`). */
  field?: string;
}

export interface CreateSteps<R, P> {
  /**
   * Checks that must pass before a first write but that a retry need not repeat, typically
   * asking other subgraphs (a retry answered from the record then works while a peer is down).
   * Runs outside the transaction, after a look for an earlier record; its result goes to `create`.
   */
  prepare?: () => Promise<P>;
  /** The write, in the transaction that also makes the record. */
  create: (em: EntityManager, prepared: P) => Promise<R>;
  /** The id to record: what the write created (default `result.id`). */
  idOf?: (result: R) => string;
  /** What a retry answers: the earlier result, loaded by its recorded id. */
  replay: (em: EntityManager, id: string) => Promise<R>;
}

/** Our own claim lost to a concurrent one (the unique index refused it). */
class KeyTaken extends Error {}

/** A read that sees only committed rows: its own queued transaction on SQLite (one shared connection), autocommit on MySQL. */
const committedRead = <T>(ds: DataSource, read: (em: EntityManager) => Promise<T>): Promise<T> =>
  isMysql(ds) ? read(ds.manager) : transaction(ds, read);

/**
 * Runs a creating write at most once per (operation, caller, key).
 *
 * Without a key: `prepare`, then `create` in a kit `transaction`. With one, in one transaction:
 * look for the record; if there is one, the same fingerprint answers with the earlier result
 * (`replay` of its id) and another is CONFLICT (`field`); if there is none, claim the key
 * first (insert the record), then `create`, then write the created id into the record, and
 * commit them together. The claim goes first so that the unique index, not a check, serializes
 * concurrent retries before any other write of theirs: on MySQL a second claim waits for the
 * first transaction and fails when it commits (or goes on when it rolls back); the loser then
 * reads the winner's record and answers with its result. SQLite serializes the transactions,
 * so the look finds the winner's record. A write that fails rolls its claim back with it, so
 * the same key may be tried again.
 *
 * With `prepare`, a committed record is looked for first, before `prepare` runs.
 */
export async function createOnce<R, P = undefined>(ds: DataSource, request: CreateRequest, steps: CreateSteps<R, P>): Promise<R> {
  const { key } = request;
  if (key == null) {
    const prepared = (await steps.prepare?.()) as P;
    return transaction(ds, (em) => steps.create(em, prepared));
  }
  const fingerprint = fingerprintOf(request.input);
  const where = { operation: request.operation, caller: request.caller, idempotencyKey: key };
  const answer = async (em: EntityManager, earlier: IdempotencyRecord): Promise<R> => {
    if (earlier.fingerprint !== fingerprint) {
      throw conflict(
        `idempotencyKey "${key}" was already used for another ${request.operation} request; use a new key for a new one`,
        request.field ?? 'idempotencyKey',
      );
    }
    return steps.replay(em, earlier.resultId);
  };
  let prepared = undefined as P;
  if (steps.prepare) {
    const earlier = await committedRead(ds, async (em) => {
      const found = await em.findOneBy(IdempotencyRecord, where);
      return found ? { result: await answer(em, found) } : null;
    });
    if (earlier) return earlier.result;
    prepared = await steps.prepare();
  }
  try {
    return await transaction(ds, async (em) => {
      const earlier = await em.findOneBy(IdempotencyRecord, where);
      if (earlier) return answer(em, earlier);
      const record = { id: randomUUID(), ...where, fingerprint, resultId: '', createdAt: request.now };
      try {
        await em.insert(IdempotencyRecord, record);
      } catch (e) {
        if (isUniqueViolation(e)) throw new KeyTaken();
        throw e;
      }
      const result = await steps.create(em, prepared);
      const resultId = steps.idOf ? steps.idOf(result) : (result as { id: string }).id;
      await em.update(IdempotencyRecord, { id: record.id }, { resultId });
      return result;
    });
  } catch (e) {
    if (!(e instanceof KeyTaken)) throw e;
    // A concurrent request with the same key committed first: answer with its result.
    return committedRead(ds, async (em) => answer(em, await em.findOneByOrFail(IdempotencyRecord, where)));
  }
}

/** `createOnce` in a resolver: the database, the caller (`viewer.sub`) and the time come from the request. */
export function createOnceFor<R, P = undefined>(
  ctx: Pick<SubgraphContext, 'ds' | 'viewer' | 'now'>,
  request: Omit<CreateRequest, 'caller' | 'now'>,
  steps: CreateSteps<R, P>,
): Promise<R> {
  return createOnce(ctx.ds, { ...request, caller: ctx.viewer.sub, now: ctx.now() }, steps);
}
