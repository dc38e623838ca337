import { DateScalar, DateTimeScalar } from './scalars';

describe('scalars', () => {
  it('reads a DateTime only with a zone, and a Date only when it exists', () => {
    expect(DateTimeScalar.parseValue('2026-03-01T08:00:00+08:00')).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(DateTimeScalar.parseValue('2026-03-01T00:00:00.500Z')).toEqual(new Date('2026-03-01T00:00:00.500Z'));
    expect(() => DateTimeScalar.parseValue('2026-03-01T08:00:00')).toThrow(/zone/);
    expect(() => DateTimeScalar.parseValue('2026-03-01')).toThrow(/zone/);
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(() => DateScalar.parseValue('2026-02-29')).toThrow(/exist/);
  });
});
