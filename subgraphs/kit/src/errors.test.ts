import { GraphQLError } from 'graphql';
import { badInput, maskUnexpectedErrors } from './errors';
import { createLogger } from './logger';

describe('error masking', () => {
  const logged: unknown[] = [];
  const log = createLogger('test', 'error');
  log.error = ((obj: unknown) => void logged.push(obj)) as typeof log.error;
  const mask = maskUnexpectedErrors(log);

  it('passes errors raised on purpose, without a stack trace', () => {
    const error = badInput('code', 'bad code');
    const formatted = { message: 'bad code', path: ['division'], extensions: { code: 'BAD_USER_INPUT', field: 'code', stacktrace: ['at x'] } };
    expect(mask(formatted, new GraphQLError('bad code', { originalError: error, path: ['division'] }))).toEqual({
      message: 'bad code',
      path: ['division'],
      extensions: { code: 'BAD_USER_INPUT', field: 'code' },
    });
  });

  it('hides anything else behind INTERNAL_SERVER_ERROR, and logs it', () => {
    const sqlError = new Error('ER_NO_SUCH_TABLE: SELECT * FROM secret');
    const formatted = { message: sqlError.message, path: ['x'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['...'] } };
    expect(mask(formatted, new GraphQLError(sqlError.message, { originalError: sqlError, path: ['x'] }))).toEqual({
      message: 'Internal server error',
      path: ['x'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([{ err: sqlError, path: ['x'] }]);
  });
});

describe('error masking at the gateway', () => {
  const log = createLogger('test', 'silent');
  const mask = maskUnexpectedErrors(log);

  it('passes an error a subgraph answered, without the service name', () => {
    const downstream = { message: 'first must be between 0 and 500', extensions: { code: 'BAD_USER_INPUT', field: 'first' } };
    const formatted = { message: downstream.message, path: ['d'], extensions: { code: 'BAD_USER_INPUT', field: 'first', serviceName: 'places' } };
    expect(mask(formatted, new GraphQLError(downstream.message, { originalError: downstream as never, path: ['d'] }))).toEqual({
      message: 'first must be between 0 and 500',
      path: ['d'],
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('masks a failed fetch, which names internal addresses', () => {
    const fetchError = Object.assign(new Error('request to http://10.0.0.5:4001/graphql failed'), { code: 'ECONNREFUSED' });
    const formatted = { message: fetchError.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(mask(formatted, new GraphQLError(fetchError.message, { originalError: fetchError, path: ['d'] }))).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('says SERVICE_UNAVAILABLE, naming the subgraph, when its database is away', () => {
    const onSubgraph = maskUnexpectedErrors(log, 'people');
    const refused = { errno: -111, code: 'ECONNREFUSED', syscall: 'connect', fatal: true };
    const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true });
    const wrapped = Object.assign(new Error('query failed'), { driverError: lost });
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    for (const cause of [refused, lost, wrapped, busy]) {
      const formatted = { message: 'x', path: ['cadre'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      expect(onSubgraph(formatted, new GraphQLError('x', { originalError: cause as Error, path: ['cadre'] }))).toEqual({
        message: 'The people database is not answering; try again later',
        path: ['cadre'],
        extensions: { code: 'SERVICE_UNAVAILABLE', subgraph: 'people' },
      });
    }
    // A wrong statement is a bug, not an outage.
    const syntax = Object.assign(new Error('ER_PARSE_ERROR'), { code: 'ER_PARSE_ERROR' });
    expect(onSubgraph({ message: 'x', path: ['x'], extensions: {} }, new GraphQLError('x', { originalError: syntax, path: ['x'] })).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
