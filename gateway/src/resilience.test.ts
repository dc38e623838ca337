import { parse } from 'graphql';
import { CircuitBreaker, failedFieldErrors } from './resilience';

const ext = { code: 'SERVICE_UNAVAILABLE', subgraph: 'people' };
const paths = (query: string, variables?: Record<string, unknown>) =>
  failedFieldErrors(parse(query), variables, 'down', ext).map((e) => e.path);

describe('failedFieldErrors', () => {
  it('names each root field of a root fetch by its response key', () => {
    expect(paths('query { a: cadre(id: "1") { name } __typename households { totalCount } }')).toEqual([['a'], ['households']]);
  });

  it("names each field of each representation of an entity fetch, for that representation's type only", () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Division { coverage { households } liaisons { id } } ... on Enterprise { ...E } } }
      fragment E on Enterprise { __typename liaisons: liaisons { id } }`;
    const representations = [{ __typename: 'Division', code: '1' }, { __typename: 'Enterprise', id: 'e' }, { __typename: 'Division', code: '2' }];
    expect(paths(query, { representations })).toEqual([
      ['_entities', 0, 'coverage'],
      ['_entities', 0, 'liaisons'],
      ['_entities', 1, 'liaisons'],
      ['_entities', 2, 'coverage'],
      ['_entities', 2, 'liaisons'],
    ]);
  });

  it('carries the message and extensions on every error', () => {
    expect(failedFieldErrors(parse('{ x }'), undefined, 'The people subgraph is not answering', ext)).toEqual([
      { message: 'The people subgraph is not answering', path: ['x'], extensions: ext },
    ]);
  });
});

describe('CircuitBreaker', () => {
  it('opens after the threshold of failures in a row, admits one probe after the cool-down, and closes on its success', () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1000, () => now);
    breaker.failed();
    breaker.succeeded(); // not in a row
    expect([breaker.failed(), breaker.failed(), breaker.allow()]).toEqual([false, false, true]);
    expect(breaker.failed()).toBe(true);
    expect([breaker.allow(), breaker.retryInMs()]).toEqual([false, 1000]);
    now = 1000;
    expect([breaker.allow(), breaker.allow()]).toEqual([true, false]); // the one probe
    expect(breaker.failed()).toBe(true); // the probe failed: open again for a full cool-down
    now = 1999;
    expect(breaker.allow()).toBe(false);
    now = 2000;
    expect(breaker.allow()).toBe(true);
    expect(breaker.succeeded()).toBe(true);
    expect([breaker.isOpen, breaker.allow(), breaker.allow(), breaker.retryInMs()]).toEqual([false, true, true, 0]);
  });
});
