import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { badInput } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A validated page: skip `offset` rows, return up to `limit`. */
export interface Page {
  limit: number;
  offset: number;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** A function, so that the count runs only when a client asks for it. */
  totalCount: number | (() => Promise<number>);
}

const CURSOR_PREFIX = 'o:';

export const encodeCursor = (offset: number) => Buffer.from(CURSOR_PREFIX + offset).toString('base64url');

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(offset) || offset < 0) {
    throw badInput('after', 'after is not a cursor this API returned');
  }
  return offset;
}

/** Validates `first` (default 20, 0..500) and `after` (an opaque cursor). */
export function pageOf(args: PageArgs): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return { limit: first, offset: args.after ? decodeCursor(args.after) : 0 };
}

/**
 * Builds a connection from rows fetched with `limit + 1` (the extra row only tells whether
 * another page exists).
 */
export function toConnection<T>(rows: T[], page: Page, totalCount: Connection<T>['totalCount']): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      endCursor: nodes.length ? encodeCursor(page.offset + nodes.length) : null,
    },
    totalCount,
  };
}

/** Page of an in-memory list (for lists already loaded whole, such as a batch result). */
export function sliceConnection<T>(all: T[], args: PageArgs): Connection<T> {
  const page = pageOf(args);
  return toConnection(all.slice(page.offset, page.offset + page.limit + 1), page, all.length);
}

/**
 * Whether the field being resolved selects `name` (directly, in an inline fragment or through a
 * fragment spread; @skip and @include are not read, so it may say yes where the field is skipped).
 * A batched list uses it to ask for its count with its page, in the same tick for every key.
 */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return within(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((f) => within(f.selectionSet));
}
