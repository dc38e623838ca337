import { monthsOf } from './dates';

describe('monthsOf', () => {
  it('lists the calendar months from..to, both inclusive, across a year end; none when to is earlier', () => {
    expect(monthsOf('2025-11-30', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-05', '2026-05-31')).toEqual(['2026-05']);
    expect(monthsOf('2026-05-01', '2026-04-30')).toEqual([]);
  });
});
