import { buildDemoWorld, createRandom, DemoWorld } from './world';
import { normalizePhone, parseDivisionCode, subtreeRange, validateCreditCode } from '@cadres/kit';

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 20 }, () => a.next());
    const ys = Array.from({ length: 20 }, () => b.next());
    expect(xs).toEqual(ys);
  });

  it('gives a different sequence for a different seed', () => {
    const a = createRandom(1);
    const b = createRandom(2);
    expect(Array.from({ length: 5 }, () => a.next())).not.toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('keeps next() in [0, 1) and int() within both bounds', () => {
    const r = createRandom(7);
    const xs = Array.from({ length: 5000 }, () => r.next());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const ns = Array.from({ length: 5000 }, () => r.int(3, 6));
    expect(ns.every((n) => Number.isInteger(n))).toBe(true);
    expect([...new Set(ns)].sort()).toEqual([3, 4, 5, 6]);
  });

  it('picks, draws chances and shuffles without touching the input', () => {
    const r = createRandom(9);
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(items).toContain(r.pick(items));
    expect(() => r.pick([])).toThrow('pick from an empty array');
    expect(r.chance(0)).toBe(false);
    expect(r.chance(1)).toBe(true);
    const shuffled = r.shuffle(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([...shuffled].sort()).toEqual(items);
  });
});

describe('buildDemoWorld', () => {
  let world: DemoWorld;
  beforeAll(() => {
    world = buildDemoWorld();
  });

  it('is deterministic for a seed', () => {
    expect(buildDemoWorld({ seed: 2023, scale: 1 })).toEqual(world);
    expect(buildDemoWorld({ seed: 7 })).toEqual(buildDemoWorld({ seed: 7 }));
  });

  it('changes with the seed', () => {
    const other = buildDemoWorld({ seed: 2024 });
    expect(other).not.toEqual(world);
    expect(other.divisions.map((d) => d.name)).not.toEqual(world.divisions.map((d) => d.name));
    expect(other.enterprises.map((e) => e.creditCode)).not.toEqual(world.enterprises.map((e) => e.creditCode));
  });

  it('has the exact counts for seed 2023 at scale 1', () => {
    expect({
      divisions: world.divisions.length,
      buildings: world.buildings.length,
      units: world.units.length,
      departments: world.departments.length,
      cadres: world.cadres.length,
      villageLiaisons: world.villageLiaisons.length,
      enterprises: world.enterprises.length,
    }).toEqual({
      divisions: 157,
      buildings: 159,
      units: 487,
      departments: 50,
      cadres: 201, // 190 settled and 11 newcomers
      villageLiaisons: 239,
      enterprises: 41,
    });
    expect(countBy(world.divisions, (d) => d.level)).toEqual({
      PROVINCE: 1, CITY: 1, DISTRICT: 5, TOWNSHIP: 16, COMMUNITY: 52, VILLAGE: 82,
    });
    expect(countBy(world.cadres, (c) => c.rank)).toEqual({
      CITY_LEVEL: 3, COUNTY_LEVEL: 18, SECTION_LEVEL: 70, STAFF: 110,
    });
    expect(countBy(world.villageLiaisons, (l) => l.role)).toEqual({ LEAD: 130, MEMBER: 97, FIRST_SECRETARY: 12 });
    expect(countBy(world.enterprises, (e) => e.category)).toEqual({
      ABOVE_SCALE_INDUSTRIAL: 24, SPECIALIZED_NEW: 5, TECH_SME: 10, OTHER: 2,
    });
  });

  it('has counts in the expected ranges at scale 1', () => {
    const level = countBy(world.divisions, (d) => d.level);
    expect(level.TOWNSHIP).toBeGreaterThanOrEqual(10);
    expect(level.TOWNSHIP).toBeLessThanOrEqual(20);
    const grassroots = level.VILLAGE + level.COMMUNITY;
    expect(grassroots).toBeGreaterThanOrEqual(level.TOWNSHIP * 6);
    expect(grassroots).toBeLessThanOrEqual(level.TOWNSHIP * 10);
    expect(level.VILLAGE).toBeGreaterThan(level.COMMUNITY); // like the real city
    const townshipCadres = world.cadres.filter((c) => !c.departmentId.match(/^D-\d{6}-/)).length;
    expect(world.cadres.filter((c) => !c.newcomer).length).toBe(Math.ceil(grassroots * 1.3) + townshipCadres);
    expect(world.enterprises.length).toBeGreaterThanOrEqual(30);
    expect(world.enterprises.length).toBeLessThanOrEqual(50);
    expect(world.buildings.length).toBeGreaterThanOrEqual(level.COMMUNITY * 2);
    expect(world.buildings.length).toBeLessThanOrEqual(level.COMMUNITY * 4);
    expect(world.units.length).toBeGreaterThanOrEqual(world.buildings.length * 2);
    expect(world.units.length).toBeLessThanOrEqual(world.buildings.length * 4);
  });

  it('contains the real province, city and districts', () => {
    const named = (code: string) => {
      const d = world.divisions.find((x) => x.code === code);
      return d && { name: d.name, level: d.level, parentCode: d.parentCode };
    };
    expect(named('370000000000')).toEqual({ name: '山东省', level: 'PROVINCE', parentCode: null });
    expect(named('370500000000')).toEqual({ name: '东营市', level: 'CITY', parentCode: '370000000000' });
    expect(named('370502000000')).toEqual({ name: '东营区', level: 'DISTRICT', parentCode: '370500000000' });
    expect(named('370503000000')).toEqual({ name: '河口区', level: 'DISTRICT', parentCode: '370500000000' });
    expect(named('370505000000')).toEqual({ name: '垦利区', level: 'DISTRICT', parentCode: '370500000000' });
    expect(named('370522000000')).toEqual({ name: '利津县', level: 'DISTRICT', parentCode: '370500000000' });
    expect(named('370523000000')).toEqual({ name: '广饶县', level: 'DISTRICT', parentCode: '370500000000' });
    expect(world.divisions.filter((d) => d.level === 'DISTRICT')).toHaveLength(5);
  });

  it('has valid, unique division codes whose parsed level and parent match', () => {
    expect(duplicates(world.divisions.map((d) => d.code))).toEqual([]);
    for (const d of world.divisions) {
      const info = parseDivisionCode(d.code);
      expect(info).not.toBe(null);
      expect(info?.level).toBe(d.level);
      expect(info?.parentCode).toBe(d.parentCode);
    }
  });

  it('lists divisions in code order, parents first', () => {
    const codes = world.divisions.map((d) => d.code);
    expect(codes).toEqual([...codes].sort());
    const index = new Map(codes.map((c, i) => [c, i]));
    for (const d of world.divisions) {
      if (d.parentCode) expect(index.get(d.parentCode)).toBeLessThan(index.get(d.code) as number);
    }
  });

  it('gives every non-root division an existing parent, and villages a township', () => {
    const byCode = new Map(world.divisions.map((d) => [d.code, d]));
    const roots = world.divisions.filter((d) => d.parentCode === null);
    expect(roots.map((d) => d.code)).toEqual(['370000000000']);
    for (const d of world.divisions) {
      if (d.parentCode === null) continue;
      expect(byCode.has(d.parentCode)).toBe(true);
      if (d.level === 'VILLAGE' || d.level === 'COMMUNITY') {
        expect(byCode.get(d.parentCode)?.level).toBe('TOWNSHIP');
      }
    }
  });

  it('uses the township kinds and child kinds correctly', () => {
    const towns = world.divisions.filter((d) => d.level === 'TOWNSHIP');
    for (const t of towns) {
      const no = Number(t.code.slice(6, 9));
      const suffix = no < 100 ? '街道' : no < 200 ? '镇' : '乡';
      expect(t.name.endsWith(suffix)).toBe(true);
    }
    for (const d of world.divisions) {
      if (d.level === 'VILLAGE') expect(d.name.endsWith('村')).toBe(true);
      if (d.level === 'COMMUNITY') expect(d.name.endsWith('社区')).toBe(true);
    }
    // Every district has a street office, so every district has communities.
    for (const district of world.divisions.filter((d) => d.level === 'DISTRICT')) {
      const { lo, hi } = subtreeRange(district.code);
      expect(world.divisions.some((d) => d.level === 'COMMUNITY' && d.code >= lo && d.code < hi)).toBe(true);
    }
  });

  it('sums populations up the tree', () => {
    const sumChildren = (code: string) =>
      world.divisions.filter((d) => d.parentCode === code).reduce((s, d) => s + d.population, 0);
    for (const d of world.divisions) {
      expect(Number.isInteger(d.population) && d.population > 0).toBe(true);
      if (d.level === 'CITY' || d.level === 'DISTRICT' || d.level === 'TOWNSHIP') {
        expect(d.population).toBe(sumChildren(d.code));
      }
    }
  });

  it('puts buildings only in communities, and units only in buildings', () => {
    const levels = new Map(world.divisions.map((d) => [d.code, d.level]));
    for (const b of world.buildings) {
      expect(levels.get(b.divisionCode)).toBe('COMMUNITY');
      expect(b.id).toMatch(new RegExp(`^B-${b.divisionCode}-\\d{2}$`));
      expect(b.name).toMatch(/^\d+号楼$/);
    }
    expect(duplicates(world.buildings.map((b) => b.id))).toEqual([]);
    const buildingIds = new Set(world.buildings.map((b) => b.id));
    for (const u of world.units) {
      expect(buildingIds.has(u.buildingId)).toBe(true);
      expect(u.id.startsWith(`U-${u.buildingId.slice(2)}-`)).toBe(true);
      expect(u.name).toMatch(/^[1-4]单元$/);
    }
    expect(duplicates(world.units.map((u) => u.id))).toEqual([]);
    const perBuilding = Object.values(countBy(world.units, (u) => u.buildingId));
    expect(Math.min(...perBuilding)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perBuilding)).toBeLessThanOrEqual(4);
    expect(world.buildings[0]).toEqual({
      id: `B-${world.buildings[0].divisionCode}-01`, name: '1号楼', divisionCode: world.buildings[0].divisionCode,
    });
  });

  it('has departments for the city and every district, with the core four', () => {
    expect(duplicates(world.departments.map((d) => d.id))).toEqual([]);
    const byDivision = countBy(world.departments, (d) => d.divisionCode);
    const above = Object.keys(byDivision).filter((code) => code.endsWith('000000')).sort();
    expect(above).toEqual(['370500000000', '370502000000', '370503000000', '370505000000', '370522000000', '370523000000']);
    for (const name of ['东营区民政局', '东营区工信局', '东营区住建局', '东营区人社局', '广饶县民政局', '东营市民政局']) {
      expect(world.departments.map((d) => d.name)).toContain(name);
    }
    expect(world.departments.find((d) => d.name === '东营区民政局')?.id).toBe('D-370502-01');
    for (const d of world.departments) {
      const township = !d.divisionCode.endsWith('000000');
      expect(d.id).toMatch(new RegExp(`^D-${d.divisionCode.slice(0, township ? 9 : 6)}-\\d{2}$`));
    }
  });

  it('has cadres with valid departments, unique valid mobile phones and sequential ids', () => {
    const deptIds = new Set(world.departments.map((d) => d.id));
    world.cadres.forEach((c, i) => {
      expect(c.id).toBe(`C-${String(i + 1).padStart(5, '0')}`);
      expect(deptIds.has(c.departmentId)).toBe(true);
      expect(normalizePhone(c.phone)).toEqual({ value: c.phone });
      expect(c.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(c.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    });
    expect(duplicates(world.cadres.map((c) => c.phone))).toEqual([]);
    const rank = countBy(world.cadres, (c) => c.rank);
    expect(rank.STAFF).toBeGreaterThan(world.cadres.length / 2);
    expect(rank.CITY_LEVEL).toBeGreaterThanOrEqual(3);
  });

  it('covers about 97% of villages and communities with a ranked LEAD, and links every cadre', () => {
    const cadres = new Map(world.cadres.map((c) => [c.id, c]));
    const grassroots = world.divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY');
    const grassCodes = new Set(grassroots.map((d) => d.code));
    expect(duplicates(world.villageLiaisons.map((l) => l.id))).toEqual([]);
    world.villageLiaisons.forEach((l, i) => {
      expect(l.id).toBe(`L-${String(i + 1).padStart(6, '0')}`);
      expect(cadres.has(l.cadreId)).toBe(true);
      expect(grassCodes.has(l.divisionCode)).toBe(true);
      expect(l.since).toMatch(/^2023-(0[2-6])-\d{2}$/);
      expect(new Date(`${l.since}T00:00:00Z`).toISOString().slice(0, 10)).toBe(l.since);
    });

    const leads = world.villageLiaisons.filter((l) => l.role === 'LEAD');
    for (const l of leads) expect(['COUNTY_LEVEL', 'SECTION_LEVEL']).toContain(cadres.get(l.cadreId)?.rank);
    expect(duplicates(leads.map((l) => l.divisionCode))).toEqual([]);

    const ranked = (code: string) =>
      world.villageLiaisons.some((l) => l.divisionCode === code && ['COUNTY_LEVEL', 'SECTION_LEVEL'].includes(cadres.get(l.cadreId)?.rank ?? ''));
    const uncovered = grassroots.filter((d) => !ranked(d.code));
    expect(uncovered.length).toBe(grassroots.length - leads.length);
    expect(uncovered.length).toBe(Math.round(grassroots.length * 0.03));
    // Uncovered places have at most a staff member.
    for (const d of uncovered) {
      for (const l of world.villageLiaisons.filter((x) => x.divisionCode === d.code)) {
        expect({ role: l.role, rank: cadres.get(l.cadreId)?.rank }).toEqual({ role: 'MEMBER', rank: 'STAFF' });
      }
    }
    expect(uncovered.some((d) => world.villageLiaisons.some((l) => l.divisionCode === d.code))).toBe(true);

    // Every cadre but the newcomers is linked somewhere (两个全覆盖, the cadre side); the newcomers nowhere yet.
    const linked = new Set(world.villageLiaisons.map((l) => l.cadreId));
    expect(world.cadres.filter((c) => !linked.has(c.id)).map((c) => c.id)).toEqual(world.cadres.filter((c) => c.newcomer).map((c) => c.id));
  });

  it('stations first secretaries only in villages, full-time', () => {
    const levels = new Map(world.divisions.map((d) => [d.code, d.level]));
    const perCadre = countBy(world.villageLiaisons, (l) => l.cadreId);
    const firsts = world.villageLiaisons.filter((l) => l.role === 'FIRST_SECRETARY');
    expect(firsts.length).toBeGreaterThan(0);
    for (const l of firsts) {
      expect(levels.get(l.divisionCode)).toBe('VILLAGE');
      expect(perCadre[l.cadreId]).toBe(1);
    }
  });

  it('has enterprises with valid, unique credit codes in the right district', () => {
    const levels = new Map(world.divisions.map((d) => [d.code, d.level]));
    expect(duplicates(world.enterprises.map((e) => e.creditCode))).toEqual([]);
    expect(duplicates(world.enterprises.map((e) => e.name))).toEqual([]);
    world.enterprises.forEach((e, i) => {
      expect(e.id).toBe(`E-${String(i + 1).padStart(4, '0')}`);
      expect(validateCreditCode(e.creditCode)).toBe(null);
      expect(e.creditCode.slice(0, 2)).toBe('91');
      expect(e.creditCode.slice(2, 8)).toBe(e.divisionCode.slice(0, 6));
      expect(['TOWNSHIP', 'VILLAGE', 'COMMUNITY']).toContain(levels.get(e.divisionCode));
      expect(Number.isInteger(e.employees) && e.employees >= 5 && e.employees <= 3000).toBe(true);
      expect(e.name).toMatch(/^(东营市|东营区|河口区|垦利区|利津县|广饶县).+有限公司$/);
      expect(e.industry.length).toBeGreaterThan(0);
    });
  });

  it('has one newcomer (STAFF, no link yet) in every fourth city or district department', () => {
    const departments = world.departments.filter((d) => /^D-\d{6}-\d{2}$/.test(d.id));
    const newcomers = world.cadres.filter((c) => c.newcomer);
    expect(newcomers.map((c) => c.departmentId)).toEqual(departments.filter((_, i) => i % 4 === 1).map((d) => d.id));
    expect(new Set(newcomers.map((c) => c.rank))).toEqual(new Set(['STAFF']));
    expect(new Set(world.cadres.map((c) => c.phone)).size).toBe(world.cadres.length);
  });

  it('works at scale 10', () => {
    const big = buildDemoWorld({ scale: 10 });
    const level = countBy(big.divisions, (d) => d.level);
    expect(level.TOWNSHIP).toBeGreaterThanOrEqual(120);
    expect(level.VILLAGE + level.COMMUNITY).toBeGreaterThanOrEqual(10_000);
    expect(duplicates(big.divisions.map((d) => d.code))).toEqual([]);
    for (const d of big.divisions) expect(parseDivisionCode(d.code)?.level).toBe(d.level);
    for (const e of big.enterprises) expect(validateCreditCode(e.creditCode)).toBe(null);
    expect(big.enterprises.length).toBeGreaterThanOrEqual(300);
    expect(new Set(big.villageLiaisons.map((l) => l.cadreId)).size).toBe(big.cadres.filter((c) => !c.newcomer).length);
  });

  it('builds scale 1 quickly', () => {
    buildDemoWorld({ seed: 1 }); // warm up the JIT
    const t0 = performance.now();
    buildDemoWorld({ seed: 2 });
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('rejects a non-positive scale', () => {
    expect(() => buildDemoWorld({ scale: 0 })).toThrow('scale must be a positive number');
    expect(() => buildDemoWorld({ scale: -1 })).toThrow('scale must be a positive number');
  });

  it('supports a fractional scale', () => {
    const small = buildDemoWorld({ scale: 0.3 });
    expect(small.divisions.filter((d) => d.level === 'TOWNSHIP').length).toBeGreaterThanOrEqual(10);
    expect(small.enterprises.length).toBeGreaterThanOrEqual(1);
    for (const d of small.divisions) expect(parseDivisionCode(d.code)?.level).toBe(d.level);
  });

  it('invents every township below the real districts on an invented code: from the top of its kind\'s range down, no real name', () => {
    const towns = world.divisions.filter((d) => d.level === 'TOWNSHIP');
    for (const t of towns) {
      const no = Number(t.code.slice(6, 9));
      // Dongying's real street offices are 0xx from 001 up, its towns 1xx from 100 up, and it has no 乡.
      expect(no >= 60 && no <= 99 || no >= 160 && no <= 199 || no >= 300 && no <= 399).toBe(true);
      expect(['文汇', '六户', '史口', '牛庄', '龙居', '胜利', '辛店', '仙河', '孤岛', '广饶', '利津', '垦利'].includes(t.name.slice(0, 2))).toBe(false);
    }
    // Each district's first is its top street office, 099.
    for (const district of world.divisions.filter((d) => d.level === 'DISTRICT')) {
      expect(towns.some((t) => t.code === `${district.code.slice(0, 6)}099000`)).toBe(true);
    }
  });

  it('gives some townships a unit of their own, with cadres who 包村 in the township and a head who is its AREA_LEAD', () => {
    const units = world.departments.filter((d) => !d.divisionCode.endsWith('000000'));
    const levels = new Map(world.divisions.map((d) => [d.code, d.level]));
    expect(units.length).toBeGreaterThanOrEqual(5); // every district's seat at least
    for (const u of units) {
      expect(levels.get(u.divisionCode)).toBe('TOWNSHIP');
      expect(u.id).toBe(`D-${u.divisionCode.slice(0, 9)}-01`);
      const cadres = world.cadres.filter((c) => c.departmentId === u.id);
      expect(cadres.length).toBeGreaterThanOrEqual(2);
      for (const c of cadres) {
        const links = world.villageLiaisons.filter((l) => l.cadreId === c.id);
        expect(links.length).toBeGreaterThanOrEqual(1);
        expect(links.every((l) => l.divisionCode.startsWith(u.divisionCode.slice(0, 9)))).toBe(true);
      }
      const leads = world.areaLeads.filter((l) => l.divisionCode === u.divisionCode);
      expect(leads.map((l) => ({ role: l.role, rank: world.cadres.find((c) => c.id === l.cadreId)?.rank, dept: world.cadres.find((c) => c.id === l.cadreId)?.departmentId })))
        .toEqual([{ role: 'AREA_LEAD', rank: 'SECTION_LEVEL', dept: u.id }]);
    }
    expect(world.areaLeads).toHaveLength(units.length);
    expect(duplicates([...world.villageLiaisons, ...world.areaLeads].map((l) => l.id))).toEqual([]);
  });

  it('carries its profile: the default one, and the named ones with their densities', () => {
    expect(world.profile).toEqual({ name: 'default', scale: 1, cadresPerVillage: 1.3, enterprises: world.enterprises.length, issues: Math.round(134 * 0.75) });
    const custom = buildDemoWorld({ scale: 0.5, cadresPerVillage: 3, enterprises: 17, issues: 44 });
    const grassroots = custom.divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY').length;
    expect(custom.profile).toEqual({ name: 'custom', scale: 0.5, cadresPerVillage: 3, enterprises: 17, issues: 44 });
    expect(custom.enterprises).toHaveLength(17);
    expect(custom.cadres.filter((c) => !c.newcomer && /^D-\d{6}-/.test(c.departmentId))).toHaveLength(Math.ceil(grassroots * 3));
    expect(() => buildDemoWorld({ profile: 'nowhere' as never })).toThrow('unknown demo profile');
  });

  // The scale generator's targets (issue 13), within 15%.
  const near = (value: number, target: number) => expect({ value, ok: Math.abs(value - target) <= target * 0.15 }).toEqual({ value, ok: true });
  it('builds the city profile near its targets: 1,900 villages and communities, 10,000 cadres, 1,000 enterprises, 20,000 issues', () => {
    const city = buildDemoWorld({ profile: 'city' });
    expect(city.profile.name).toBe('city');
    near(city.divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY').length, 1900);
    near(city.cadres.length, 10_000);
    near(city.enterprises.length, 1000);
    expect(city.profile.issues).toBe(20_000);
    expect(new Set(city.villageLiaisons.map((l) => l.cadreId)).size).toBe(city.cadres.filter((c) => !c.newcomer).length);
  });
});
