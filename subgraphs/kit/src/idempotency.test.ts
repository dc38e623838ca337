import { fingerprintOf, idempotencyKeyArg } from './idempotency';

describe('idempotency keys and fingerprints', () => {
  it('reads a key: absent is null, trimmed otherwise, 1 to 100 characters or BAD_USER_INPUT naming the field', () => {
    expect([idempotencyKeyArg(null), idempotencyKeyArg(undefined), idempotencyKeyArg(' k-1 '), idempotencyKeyArg('键'.repeat(100))]).toEqual([
      null,
      null,
      'k-1',
      '键'.repeat(100),
    ]);
    const refused = (raw: string, field?: string) => {
      try {
        idempotencyKeyArg(raw, field);
        return 'accepted';
      } catch (e) {
        return (e as { extensions?: unknown }).extensions;
      }
    };
    expect([refused(''), refused('  '), refused('k'.repeat(101)), refused('', 'input.idempotencyKey')]).toEqual([
      { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
      { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
      { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
      { code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' },
    ]);
  });

  it('fingerprints the canonical JSON: key order does not count, values and list order do', () => {
    const input = { a: 1, b: { c: [2, 1], d: null } };
    // SHA-256 of {"a":1,"b":{"c":[2,1],"d":null}}
    expect(fingerprintOf(input)).toBe('b5275a329a1f0c8d5c59ce986d56a18b2c76402f89f8eae5a4032cad884b50b4');
    expect(fingerprintOf({ b: { d: null, c: [2, 1] }, a: 1 })).toBe(fingerprintOf(input));
    const others = [{ a: 1, b: { c: [1, 2], d: null } }, { a: 1, b: { c: [2, 1] } }, { a: '1', b: { c: [2, 1], d: null } }];
    expect(others.map((o) => fingerprintOf(o) === fingerprintOf(input))).toEqual([false, false, false]);
  });
});
