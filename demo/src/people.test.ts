import { buildDemoPeople, DEMO_TODAY, HOUSEHOLDS_PER_CADRE } from './people';
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
    expect(people.households).toHaveLength(world.cadres.filter((c) => !c.newcomer).length * HOUSEHOLDS_PER_CADRE);
    // Newcomers hold no household, made no visit and gave no help yet.
    const newcomers = new Set(world.cadres.filter((c) => c.newcomer).map((c) => c.id));
    expect(newcomers.size).toBeGreaterThan(0);
    expect(people.liaisons.filter((l) => newcomers.has(l.cadreId))).toEqual([]);
    expect(people.visits.filter((v) => v.cadreIds.some((c) => newcomers.has(c)))).toEqual([]);
    expect(people.helpRecords.filter((r) => newcomers.has(r.cadreId))).toEqual([]);
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

  it('spreads visits over the twelve months up to today, home visits by 2 cadres, with many households below the quota halfway through', () => {
    const home = people.visits.filter((v) => v.kind === 'HOME_VISIT');
    expect(home.filter((v) => v.cadreIds.length < 2 || v.targetType !== 'Household')).toEqual([]);
    expect(people.visits.filter((v) => v.targetType === 'BuildingUnit' && v.cadreIds.length < 2)).toEqual([]);
    expect(people.visits.map((v) => v.id)).toEqual(people.visits.map((_, i) => `V-${String(i + 1).padStart(6, '0')}`));
    expect(people.visits.every((v, i) => i === 0 || people.visits[i - 1].date <= v.date)).toBe(true);
    expect(people.today).toBe(DEMO_TODAY);
    expect(people.visits[0].date >= '2025-07-01' && people.visits.at(-1)!.date <= '2026-07-01').toBe(true);
    const thisYear = new Map<string, number>();
    for (const v of home) if (v.date >= '2026-01-01') thisYear.set(v.targetId, (thisYear.get(v.targetId) ?? 0) + 1);
    const below = people.households.filter((h) => (thisYear.get(h.id) ?? 0) < 4).length;
    expect(below / people.households.length).toBeGreaterThan(0.2);
    expect(below / people.households.length).toBeLessThan(0.8);
    const months = new Set(home.filter((v) => v.date >= '2026-01-01').map((v) => v.date.slice(5, 7)));
    expect([...months].sort()).toEqual(['01', '02', '03', '04', '05', '06', '07']);
  });

  it('has every kind of visit, each to its kind of target, and first secretaries stationed for days that end by today', () => {
    const targets = new Map<string, Set<string>>();
    for (const v of people.visits) targets.set(v.kind, new Set([...(targets.get(v.kind) ?? []), v.targetType]));
    expect(Object.fromEntries([...targets].map(([k, t]) => [k, [...t].sort()]).sort())).toEqual({
      BUILDING_SWEEP: ['BuildingUnit'], CONDOLENCE: ['Household'], ENTERPRISE_VISIT: ['Enterprise'], FORUM: ['BuildingUnit', 'Division'],
      HOME_VISIT: ['Household'], PARTY_DAY: ['Division'], RESEARCH: ['Division'], SITE_VISIT: ['Project'], STATIONED: ['Division'],
    });
    const stationed = people.visits.filter((v) => v.kind === 'STATIONED');
    const firstSecretaries = new Set(world.villageLiaisons.filter((l) => l.role === 'FIRST_SECRETARY').map((l) => l.cadreId));
    expect(stationed.every((v) => v.cadreIds.length === 1 && firstSecretaries.has(v.cadreIds[0]))).toBe(true);
    expect(stationed.every((v) => v.days >= 1 && v.days <= 20 && addDays(v.date, v.days - 1) <= people.today)).toBe(true);
    expect(stationed.filter((v) => v.days > 1).length).toBeGreaterThan(stationed.length / 2);
    expect(people.visits.filter((v) => v.kind !== 'STATIONED' && v.days !== 1)).toEqual([]);
    // 包片 leaders research their township.
    const townships = new Set(world.areaLeads.map((l) => l.divisionCode));
    expect(people.visits.some((v) => v.kind === 'RESEARCH' && townships.has(v.targetId))).toBe(true);
  });

  it('runs a campaign that started months ago and is still running, with its four phases in a row', () => {
    const c = people.campaign;
    expect({ id: c.id, name: c.name, divisionCode: c.divisionCode, from: c.from, to: c.to }).toEqual({
      id: 'CP-0001', name: '三解三促', divisionCode: '370500000000', from: '2026-01-01', to: '2026-12-31',
    });
    expect(c.phases.map((p) => p.name)).toEqual(['动员部署', '排查梳理', '解决问题', '考核评议']);
    expect(c.phases[0].from).toBe(c.from);
    expect(c.phases.at(-1)!.to).toBe(c.to);
    c.phases.forEach((p, i) => i > 0 && expect(addDays(c.phases[i - 1].to, 1)).toBe(p.from));
    expect(c.from < people.today && people.today < c.to).toBe(true);
    expect(c.departmentIds).toEqual([...new Set(world.cadres.map((x) => x.departmentId))].sort());
  });

  it('has exactly one participating department not started (cadres, no visit since the campaign began) and laggards with few visits per cadre', () => {
    const c = people.campaign;
    const deptOf = new Map(world.cadres.map((x) => [x.id, x.departmentId]));
    const personTimes = new Map<string, number>();
    for (const v of people.visits) {
      if (v.date < c.from || v.date > people.today) continue;
      for (const id of v.cadreIds) personTimes.set(deptOf.get(id)!, (personTimes.get(deptOf.get(id)!) ?? 0) + 1);
    }
    expect(c.departmentIds.filter((d) => !personTimes.has(d))).toEqual([c.notStartedDepartmentId]);
    expect(world.cadres.filter((x) => x.departmentId === c.notStartedDepartmentId).length).toBeGreaterThan(0);
    // Its cadres did visit before the campaign: they exist and work, they have not started this one.
    expect(people.visits.some((v) => v.date < c.from && v.cadreIds.some((id) => deptOf.get(id) === c.notStartedDepartmentId))).toBe(true);
    const cadres = new Map<string, number>();
    for (const x of world.cadres) cadres.set(x.departmentId, (cadres.get(x.departmentId) ?? 0) + 1);
    const perCadre = (d: string) => (personTimes.get(d) ?? 0) / cadres.get(d)!;
    const rest = c.departmentIds.filter((d) => d !== c.notStartedDepartmentId && !c.laggardDepartmentIds.includes(d));
    expect(c.laggardDepartmentIds.length).toBeGreaterThanOrEqual(2);
    const median = rest.map(perCadre).sort((a, b) => a - b)[Math.floor(rest.length / 2)];
    for (const d of c.laggardDepartmentIds) expect({ d, lags: perCadre(d) < median / 2 }).toEqual({ d, lags: true });
  });

  it('moves with today: visits reach the current month, the campaign started six months before it', () => {
    const later = buildDemoPeople(world, { today: '2026-12-02' });
    expect(later.today).toBe('2026-12-02');
    expect(later.campaign.from).toBe('2026-06-01');
    expect(later.campaign.to).toBe('2027-05-31');
    expect(later.visits.at(-1)!.date <= '2026-12-02').toBe(true);
    expect(later.visits.filter((v) => v.date >= '2026-12-01').length).toBeGreaterThan(0);
    expect(later.visits.filter((v) => v.kind === 'STATIONED').every((v) => addDays(v.date, v.days - 1) <= '2026-12-02')).toBe(true);
    // The people themselves and which departments lag do not move with the day.
    expect(later.households).toEqual(people.households);
    expect(later.campaign.notStartedDepartmentId).toBe(people.campaign.notStartedDepartmentId);
    expect(buildDemoPeople(world, { today: '2026-12-02' })).toBe(later); // shared, not rebuilt
    expect(() => buildDemoPeople(world, { today: '2026-13-45' })).toThrow('today must be a date');
  });

  it('records help (帮扶) in the campaign: people helped and funds for poor households, contact cards, research reports, enterprises', () => {
    const c = people.campaign;
    const help = people.helpRecords;
    expect(help.map((r) => r.id)).toEqual(help.map((_, i) => `HR-${String(i + 1).padStart(6, '0')}`));
    expect(help.every((r) => r.date >= c.from && r.date <= people.today)).toBe(true);
    expect(help.every((r) => Number.isInteger(r.fundsFen) && r.fundsFen >= 0 && r.fundsFen < 2 ** 31)).toBe(true);
    const poor = new Set(people.households.filter((h) => h.tags.includes('POOR')).map((h) => h.id));
    const toHouseholds = help.filter((r) => r.targetType === 'Household');
    expect(toHouseholds.length).toBeGreaterThan(0);
    expect(toHouseholds.every((r) => poor.has(r.targetId!) && r.peopleHelped > 0 && r.fundsFen > 0)).toBe(true);
    expect(help.filter((r) => r.contactCards > 0).length).toBeGreaterThan(0);
    expect(help.filter((r) => r.researchReports > 0).length).toBeGreaterThan(0);
    expect(help.filter((r) => r.targetType === 'Enterprise').length).toBeGreaterThan(0);
    const deptOf = new Map(world.cadres.map((x) => [x.id, x.departmentId]));
    expect(help.filter((r) => deptOf.get(r.cadreId) === c.notStartedDepartmentId)).toEqual([]);
  });

  it('has 实事 pledges in every status, led by cadres whose department serves the division', () => {
    const statuses = new Set(people.pledges.map((p) => p.status));
    expect([...statuses].sort()).toEqual(['DONE', 'ONGOING', 'PLANNED']);
    const deptDivision = new Map(world.departments.map((d) => [d.id, d.divisionCode]));
    const cadreDept = new Map(world.cadres.map((x) => [x.id, x.departmentId]));
    for (const p of people.pledges) {
      const serves = deptDivision.get(cadreDept.get(p.leadCadreId)!)!;
      const prefix = parseDivisionCode(serves)!.prefix;
      expect({ p: p.id, serves: p.divisionCode.startsWith(prefix) }).toEqual({ p: p.id, serves: true });
      expect(p.status === 'DONE' ? p.targetDate <= people.today : p.targetDate > people.today).toBe(true);
      // Dated as the service dates them: taken on in the campaign, routine and done in order, none after today.
      const dates = [people.campaign.from, p.startedOn, p.ongoingOn, p.doneOn, people.today].filter((d): d is string => d !== null);
      expect({ p: p.id, dates }).toEqual({ p: p.id, dates: [...dates].sort() });
      expect({ p: p.id, ongoing: p.ongoingOn !== null, done: p.doneOn }).toEqual({ p: p.id, ongoing: p.status !== 'PLANNED', done: p.status === 'DONE' ? p.targetDate : null });
    }
    expect(people.pledges.some((p) => parseDivisionCode(p.divisionCode)!.level === 'TOWNSHIP')).toBe(true);
  });

  it('builds the city profile\'s people near the targets: 50,000 households, 200,000 visits', () => {
    const city = buildDemoWorld({ profile: 'city' });
    const cityPeople = buildDemoPeople(city);
    const near = (value: number, target: number) => expect({ value, ok: Math.abs(value - target) <= target * 0.15 }).toEqual({ value, ok: true });
    near(cityPeople.households.length, 50_000);
    near(cityPeople.visits.length, 200_000);
  });
});

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
