import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date, `YYYY-MM-DD`, that exists. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export const toIsoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The calendar date (YYYY-MM-DD) in China Standard Time (UTC+8, no DST) of the instant `at`:
 * the campaigns run on Beijing time, so 07:00 in Dongying is today, whatever the server's zone.
 */
export const chinaDate = (at: Date) => toIsoDate(new Date(at.getTime() + 8 * 3_600_000));

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError(`Date must be YYYY-MM-DD and exist, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** With a time and a zone (Z or ±hh:mm): a zoneless time would be read in the server's zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  const d = typeof value === 'string' && DATE_TIME.test(value) ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) {
    throw new GraphQLError(`DateTime must be ISO-8601 with a time and a zone (e.g. 2026-03-01T08:00:00Z or +08:00), got ${JSON.stringify(value)}`);
  }
  return d;
}

/** Dates travel as `YYYY-MM-DD` strings and are stored as such. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO-8601 (YYYY-MM-DD).',
  serialize: (v) => (v instanceof Date ? toIsoDate(v) : parseDate(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Instants travel as ISO-8601 strings in UTC and are `Date` objects inside. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO-8601 (e.g. 2026-03-01T08:00:00.000Z).',
  serialize: (v) => (v instanceof Date ? v.toISOString() : parseDateTime(v).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const scalarResolvers = { Date: DateScalar, DateTime: DateTimeScalar };
