import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';

/** The error codes of the public contract (extensions.code). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

const httpStatus: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401 };

/** An error meant for the client: its message and extensions are part of the API. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    const status = httpStatus[code];
    super(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
  }
}

export const badInput = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', message, { field });

export const notFound = (what: string, key: unknown, field?: string) =>
  new AppError('NOT_FOUND', `${what} ${String(key)} not found`, field ? { field } : {});

export const conflict = (message: string, field?: string) =>
  new AppError('CONFLICT', message, field ? { field } : {});

export const forbidden = (message = 'Not allowed', field?: string) => new AppError('FORBIDDEN', message, field ? { field } : {});

export const unauthenticated = (message = 'A valid bearer token is required') =>
  new AppError('UNAUTHENTICATED', message);

export const invalidTransition = (message: string, current: string, allowed: string[]) =>
  new AppError('INVALID_TRANSITION', message, { current, allowed });

/**
 * Apollo's formatError: errors we raised on purpose (GraphQLError, including graphql-js
 * validation) pass through; anything else is a bug or an infrastructure failure, so it is
 * logged with the request id and the client sees only INTERNAL_SERVER_ERROR, never a stack
 * trace or SQL.
 */
export function maskUnexpectedErrors(log: Logger, subgraph?: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (subgraph && isDatabaseUnavailable(original)) {
      // Not a bug: the database is restarting or out of reach, and a retry will likely work.
      log.warn({ err: original, path: formatted.path }, 'database unavailable');
      return {
        message: `The ${subgraph} database is not answering; try again later`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', subgraph },
      };
    }
    if (original instanceof GraphQLError || isSubgraphError(original)) {
      // The stack trace, the gateway's serviceName and a failed subgraph response (its URL and
      // body) are internals, not part of the API.
      const { stacktrace: _stack, serviceName: _service, response: _response, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * At the gateway, an error a subgraph answered arrives as a plain object (not an Error) with
 * its code. The subgraph has already masked it, so it passes. A failed fetch is an Error: masked.
 */
function isSubgraphError(e: unknown): boolean {
  return (
    typeof e === 'object' && e !== null && !(e instanceof Error) &&
    typeof (e as { extensions?: { code?: unknown } }).extensions?.code === 'string'
  );
}

/** Driver codes that mean the database is away (stopped, restarting, unreachable, overloaded), not that the query is wrong. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_SERVER_SHUTDOWN', 'ER_CON_COUNT_ERROR', 'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_GONE_ERROR', 'CR_SERVER_GONE_ERROR', 'CR_SERVER_LOST', 'ER_CONNECTION_KILLED', 'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_FULL',
]);

/** Whether an error (or the driver error TypeORM wraps) says the database is away rather than the statement is wrong. */
export function isDatabaseUnavailable(e: unknown): boolean {
  type Inner = { code?: unknown; fatal?: unknown; driverError?: unknown; thrownValue?: unknown; message?: unknown };
  for (let err = e as Inner | undefined, depth = 0; err && depth < 3; depth++) {
    if (typeof err.code === 'string' && (UNAVAILABLE_CODES.has(err.code) || err.code.startsWith('SQLITE_IOERR'))) return true;
    // mysql2 marks errors that broke the connection as fatal; its closed-pool errors carry no code.
    if (err.fatal === true) return true;
    if (typeof err.message === 'string' && /^(Pool is closed|Can't add new command when connection is in closed state)/.test(err.message)) return true;
    // TypeORM wraps the driver's error; graphql-js wraps a thrown value that is not an Error.
    err = (err.driverError ?? err.thrownValue) as Inner | undefined;
  }
  return false;
}
