import { buildDemoPeople, HOUSEHOLDS_PER_CADRE } from './people';
import { buildDemoWorld } from './world';
import { normalizeIdNumber, parseDivisionCode } from '@cadres/kit';

describe('buildDemoPeople', () => {
  const world = buildDemoWorld({ seed: 2023, scale: 1 });
  const people = buildDemoPeople(world);

  it('is a deterministic function of the world', () => {
    expect(buildDemoPeople(buildDemoWorld({ seed: 2023, scale: 1 }))).toEqual(people);
    expect(buildDemoPeople(buildDemoWorld({ seed: 7, scale: 1 })).residents[0]).not.toEqual(people.residents[0]);
  });

  it('puts about 5 households per cadre in villages and communities, with valid, unique ID numbers', () => {
    expect(people.households).toHaveLength(world.cadres.length * HOUSEHOLDS_PER_CADRE);
    const levels = new Set(people.households.map((h) => parseDivisionCode(h.divisionCode)?.level));
    expect([...levels].sort()).toEqual(['COMMUNITY', 'VILLAGE']);
    expect(people.households.filter((h) => !/^H-\d{12}-\d{3}$/.test(h.id) || !h.id.includes(h.divisionCode))).toEqual([]);
    expect(new Set(people.households.map((h) => h.id)).size).toBe(people.households.length);
    const ids = people.residents.map((r) => r.idNumber);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => 'error' in normalizeIdNumber(id, new Date('2026-07-01')))).toEqual([]);
    const heads = new Set(people.households.map((h) => h.headId));
    expect(people.residents.filter((r) => r.id.endsWith('-1')).every((r) => heads.has(r.id))).toBe(true);
    // units only in communities, and in the household's own community
    const unitDivision = new Map(world.units.map((u) => [u.id, world.buildings.find((b) => b.id === u.buildingId)!.divisionCode]));
    expect(people.households.filter((h) => h.unitId && unitDivision.get(h.unitId) !== h.divisionCode)).toEqual([]);
  });

  it('links every household to one cadre, and most building units to 2', () => {
    const householdLinks = people.liaisons.filter((l) => l.targetType === 'Household');
    expect(householdLinks.map((l) => l.targetId).sort()).toEqual(people.households.map((h) => h.id).sort());
    const unitCadres = new Map<string, Set<string>>();
    for (const l of people.liaisons.filter((x) => x.targetType === 'BuildingUnit')) {
      unitCadres.set(l.targetId, new Set([...(unitCadres.get(l.targetId) ?? []), l.cadreId]));
    }
    expect(unitCadres.size).toBe(world.units.length);
    const full = [...unitCadres.values()].filter((s) => s.size === 2).length;
    expect(full / world.units.length).toBeGreaterThan(0.8);
    expect(full).toBeLessThan(world.units.length);
  });

  it('spreads visits over the year, home visits by 2 cadres, with some households below the quota', () => {
    const home = people.visits.filter((v) => v.kind === 'HOME_VISIT');
    expect(home.filter((v) => v.cadreIds.length < 2 || v.targetType !== 'Household')).toEqual([]);
    expect(people.visits.map((v) => v.id)).toEqual(people.visits.map((_, i) => `V-${String(i + 1).padStart(6, '0')}`));
    expect(people.visits.every((v, i) => i === 0 || people.visits[i - 1].date <= v.date)).toBe(true);
    expect(people.visits[0].date >= '2025-07-01' && people.visits.at(-1)!.date <= '2026-06-30').toBe(true);
    const thisYear = new Map<string, number>();
    for (const v of home) if (v.date >= '2026-01-01') thisYear.set(v.targetId, (thisYear.get(v.targetId) ?? 0) + 1);
    const below = people.households.filter((h) => (thisYear.get(h.id) ?? 0) < 4).length;
    expect(below / people.households.length).toBeGreaterThan(0.1);
    expect(below / people.households.length).toBeLessThan(0.3);
    const months = new Set(home.filter((v) => v.date >= '2026-01-01').map((v) => v.date.slice(5, 7)));
    expect([...months].sort()).toEqual(['01', '02', '03', '04', '05', '06']);
  });
});
