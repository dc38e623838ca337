// What every write to the ledger shares: who acts, id arguments, and the history it appends to.
import { randomUUID } from 'node:crypto';
import { badInput } from '@cadres/kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { OwnedRef } from '@cadres/kit';
import type { Action, IssueFacts } from './access';
import type { IssuesConfig } from './config';
import { IssueEvent, type IssueStatus } from './entities';
import type { Owners } from './owners';

/** Who acts, when, on which database: what every write needs. Resolvers build it from the context. */
export interface Actor {
  ds: DataSource;
  now: Date;
  /** ctx.viewer.sub, or `system:…` for the sweep and the demo seed. */
  actor: string;
  config: IssuesConfig;
  /** Throws FORBIDDEN when the caller may not take `action` on the issue (access.ts); absent for system actors. */
  authorize?: (action: Action, issue: IssueFacts) => void;
  /** Throws NOT_FOUND unless the referenced entities exist at their owners; absent for system actors. */
  requireExisting?: (refs: OwnedRef[]) => Promise<void>;
  /** What the owners know (divisions, departments, links); absent for system actors, who are trusted. */
  owners?: Owners;
}

/** An optional id argument: trimmed, at most 40 characters; empty means absent. */
export function optionalId(value: string | null | undefined, field: string): string | null {
  if (value == null) return null;
  const id = value.trim();
  if (!id) return null;
  if (id.length > 40) throw badInput(field, `${field} must be at most 40 characters`);
  return id;
}

/** A required id argument: trimmed, 1 to 40 characters. */
export function requireId(value: string, field: string): string {
  const id = optionalId(value, field);
  if (!id) throw badInput(field, `${field} must not be empty`);
  return id;
}

export async function appendEvent(
  em: EntityManager,
  a: Actor,
  issueId: string,
  seq: number,
  action: string,
  fromStatus: IssueStatus | null,
  toStatus: IssueStatus | null,
  note: string | null,
) {
  await em.insert(IssueEvent, { id: randomUUID(), issueId, seq, at: a.now, action, fromStatus, toStatus, actor: a.actor, note });
}
