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
