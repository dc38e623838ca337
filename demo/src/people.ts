// The people side of the demo world: households, residents, household and building-unit
// liaisons, and visits, at the campaigns' ratios (about 5 households per cadre, 2 cadres per
// building unit, home visits made by 2 cadres, visits spread over the year with some
// households below the yearly quota). A pure function of the DemoWorld, so that every
// subgraph can compute the same ids (issues refers to households and visits) without reading
// the people database.

import { createRandom, type DemoWorld, type LiaisonRole, type Random } from './world';
import { buildDemoProjects } from './projects';
import { idNumberCheckChar } from '@cadres/kit';

export type HouseholdTag = 'POOR' | 'WEALTHY' | 'PETITIONER' | 'OLD_PARTY_MEMBER' | 'OLD_CADRE' | 'OLD_MODEL' | 'MILITARY_FAMILY';
export type VisitKind = 'HOME_VISIT' | 'FORUM' | 'RESEARCH' | 'STATIONED' | 'ENTERPRISE_VISIT' | 'SITE_VISIT';

export const householdTags: readonly HouseholdTag[] = ['POOR', 'WEALTHY', 'PETITIONER', 'OLD_PARTY_MEMBER', 'OLD_CADRE', 'OLD_MODEL', 'MILITARY_FAMILY'];

export interface DemoHousehold {
  /** `H-<division code>-<nnn>`, numbered within the village or community. */
  id: string;
  divisionCode: string;
  unitId: string | null;
  /** The first resident. */
  headId: string;
  tags: HouseholdTag[];
}

export interface DemoResident {
  /** `R-<division code>-<nnn>-<n>`: the household's number, then the member's. */
  id: string;
  householdId: string;
  name: string;
  /** A valid GB 11643 number (area code of the district). */
  idNumber: string;
  phone: string | null;
}

export interface DemoPeopleLiaison {
  /** `LH-<nnnnnn>` for households, `LU-` building units, `LE-` enterprises, `LP-` projects. */
  id: string;
  cadreId: string;
  targetType: 'Household' | 'BuildingUnit' | 'Enterprise' | 'Project';
  targetId: string;
  /** The division the target lies in: the village or community; an enterprise's division, a project's site. */
  divisionCode: string;
  role: LiaisonRole;
  since: string;
}

export interface DemoVisit {
  /** `V-<nnnnnn>`. */
  id: string;
  date: string;
  kind: VisitKind;
  targetType: 'Household' | 'BuildingUnit' | 'Division';
  targetId: string;
  divisionCode: string;
  cadreIds: string[];
  notes: string | null;
}

export interface DemoPeople {
  households: DemoHousehold[];
  residents: DemoResident[];
  liaisons: DemoPeopleLiaison[];
  visits: DemoVisit[];
}

export interface DemoPeopleOptions {
  /** The campaign year: visits fall in its first half and the second half of the year before. */
  year?: number;
}

export const DEMO_PEOPLE_YEAR = 2026;
export const HOUSEHOLDS_PER_CADRE = 5;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '胡', '朱', '郭', '何', '罗', '高', '林', '宋', '韩', '崔', '薄', '綦', '盖'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '英', '华', '玉', '兰', '建', '国', '文', '海'];
const MOBILE_PREFIXES = ['130', '133', '135', '137', '138', '139', '150', '152', '155', '158', '177', '180', '186', '188', '189', '199'];
const TAG_CHANCE: ReadonlyArray<[HouseholdTag, number]> = [
  ['POOR', 0.12],
  ['WEALTHY', 0.06],
  ['PETITIONER', 0.04],
  ['OLD_PARTY_MEMBER', 0.1],
  ['OLD_CADRE', 0.04],
  ['OLD_MODEL', 0.03],
  ['MILITARY_FAMILY', 0.06],
];
const HOME_NOTES = ['了解家庭收入情况', '宣传医保政策', '帮助联系就业岗位', '询问老人身体状况', '收集意见建议', null, null, null];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const dayOf = (year: number, dayIndex: number) => new Date(Date.UTC(year, 0, 1) + dayIndex * 86_400_000).toISOString().slice(0, 10);

/** A seed drawn from the world itself, so that another demo seed gives other people. */
function seedOf(world: DemoWorld): number {
  let h = 2166136261;
  const text = world.cadres.map((c) => c.phone).join('') + world.divisions.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function birthDate(rng: Random, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const days = Math.floor((Date.UTC(toYear, 11, 31) - start) / 86_400_000);
  return new Date(start + rng.int(0, days) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
}

export function buildDemoPeople(world: DemoWorld, options: DemoPeopleOptions = {}): DemoPeople {
  const year = options.year ?? DEMO_PEOPLE_YEAR;
  const rng = createRandom(seedOf(world));
  const households: DemoHousehold[] = [];
  const residents: DemoResident[] = [];
  const liaisons: DemoPeopleLiaison[] = [];
  const visits: DemoVisit[] = [];

  const levelOf = new Map(world.divisions.map((d) => [d.code, d.level]));
  const buildingDivision = new Map(world.buildings.map((b) => [b.id, b.divisionCode]));
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const unitsOf = new Map<string, string[]>();
  for (const u of world.units) push(unitsOf, buildingDivision.get(u.buildingId)!, u.id);
  // Each cadre's home village or community: their first village liaison.
  const home = new Map<string, { code: string; since: string }>();
  const cadresAt = new Map<string, string[]>();
  for (const l of world.villageLiaisons) {
    if (!home.has(l.cadreId)) home.set(l.cadreId, { code: l.divisionCode, since: l.since });
    push(cadresAt, l.divisionCode, l.cadreId);
  }
  const homedIn = new Map<string, string[]>(); // township or district prefix → cadres whose home is there
  for (const [cadreId, h] of home) {
    push(homedIn, h.code.slice(0, 9), cadreId);
    push(homedIn, h.code.slice(0, 6), cadreId);
  }
  const cadresOfDept = new Map<string, string[]>();
  for (const c of world.cadres) push(cadresOfDept, c.departmentId, c.id);
  const allCadres = world.cadres.map((c) => c.id);
  const deptOf = new Map(world.cadres.map((c) => [c.id, c.departmentId]));
  /** Someone from `pool` other than `cadreId`, or undefined. */
  const other = (pool: readonly string[] | undefined, cadreId: string): string | undefined => {
    if (!pool || pool.length < 2) return pool?.length === 1 && pool[0] !== cadreId ? pool[0] : undefined;
    const i = rng.int(0, pool.length - 1);
    return pool[i] !== cadreId ? pool[i] : pool[(i + 1) % pool.length];
  };
  /** A second cadre for a joint visit (组团式): one linked to the same place, else a colleague, else anyone. */
  const partnerOf = (cadreId: string, code: string): string =>
    other(cadresAt.get(code), cadreId) ?? other(cadresOfDept.get(deptOf.get(cadreId)!), cadreId) ?? other(allCadres, cadreId) ?? cadreId;

  // Households, residents and the household links: HOUSEHOLDS_PER_CADRE per cadre, in the cadre's home.
  const numberIn = new Map<string, number>();
  const idNumbers = new Set<string>();
  const householdCadre = new Map<string, string>();
  for (const cadre of world.cadres) {
    const at = home.get(cadre.id);
    if (!at) continue;
    for (let k = 0; k < HOUSEHOLDS_PER_CADRE; k++) {
      const n = (numberIn.get(at.code) ?? 0) + 1;
      numberIn.set(at.code, n);
      const id = `H-${at.code}-${pad(n, 3)}`;
      const units = levelOf.get(at.code) === 'COMMUNITY' ? unitsOf.get(at.code) ?? [] : [];
      const surname = rng.pick(SURNAMES);
      const size = rng.pick([1, 2, 2, 3, 3, 3, 4, 4, 5]);
      for (let m = 1; m <= size; m++) {
        let idNumber: string;
        do {
          const first17 = at.code.slice(0, 6) + (m === 1 ? birthDate(rng, 1940, 1995) : birthDate(rng, 1940, 2015)) + pad(rng.int(0, 999), 3);
          idNumber = first17 + idNumberCheckChar(first17);
        } while (idNumbers.has(idNumber));
        idNumbers.add(idNumber);
        residents.push({
          id: `R-${at.code}-${pad(n, 3)}-${m}`,
          householdId: id,
          name: (m === 1 || rng.chance(0.6) ? surname : rng.pick(SURNAMES)) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : ''),
          idNumber,
          phone: rng.chance(m === 1 ? 0.8 : 0.4) ? rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8) : null,
        });
      }
      households.push({
        id,
        divisionCode: at.code,
        unitId: units.length ? rng.pick(units) : null,
        headId: `R-${at.code}-${pad(n, 3)}-1`,
        tags: TAG_CHANCE.filter(([, p]) => rng.chance(p)).map(([t]) => t),
      });
      householdCadre.set(id, cadre.id);
      liaisons.push({ id: '', cadreId: cadre.id, targetType: 'Household', targetId: id, divisionCode: at.code, role: 'MEMBER', since: at.since });
    }
  }
  liaisons.forEach((l, i) => (l.id = `LH-${pad(i + 1, 6)}`));

  // Building units: 2 cadres each (one in eight has only 1, so coverage has gaps to show),
  // drawn from the cadres linked to the community, else from the township, else the district.
  const unitLinks: DemoPeopleLiaison[] = [];
  const unitCadres = new Map<string, string[]>();
  for (const u of world.units) {
    const code = buildingDivision.get(u.buildingId)!;
    let pool = [...new Set(cadresAt.get(code) ?? [])];
    if (pool.length < 2) pool = homedIn.get(code.slice(0, 9)) ?? [];
    if (pool.length < 2) pool = homedIn.get(code.slice(0, 6)) ?? [];
    const first = pool.length ? rng.pick(pool) : undefined;
    const second = first && !rng.chance(0.125) ? other(pool, first) : undefined;
    const picked = [first, second].filter((c): c is string => !!c);
    unitCadres.set(u.id, picked);
    picked.forEach((cadreId, i) =>
      unitLinks.push({ id: '', cadreId, targetType: 'BuildingUnit', targetId: u.id, divisionCode: code, role: i === 0 ? 'LEAD' : 'MEMBER', since: dayOf(2023, 60 + rng.int(0, 120)) }),
    );
  }
  unitLinks.forEach((l, i) => (l.id = `LU-${pad(i + 1, 6)}`));
  for (const l of unitLinks) liaisons.push(l);

  // Enterprises: one cadre each, from a department of the enterprise's district (一对一包联);
  // the key projects on an enterprise's sites are linked by that same cadre. A stream of its
  // own, so that households, units and visits stay as they were.
  const companyRng = createRandom(seedOf(world) + 1);
  const districtCadres = new Map<string, string[]>();
  const departmentDistrict = new Map(world.departments.map((d) => [d.id, d.divisionCode.slice(0, 6)]));
  for (const c of world.cadres) {
    const district = departmentDistrict.get(c.departmentId)!;
    districtCadres.set(district, [...(districtCadres.get(district) ?? []), c.id]);
  }
  const enterpriseCadre = new Map<string, string>();
  world.enterprises.forEach((e, i) => {
    const pool = districtCadres.get(e.divisionCode.slice(0, 6)) ?? world.cadres.map((c) => c.id);
    const cadreId = companyRng.pick(pool);
    enterpriseCadre.set(e.id, cadreId);
    liaisons.push({ id: `LE-${pad(i + 1, 6)}`, cadreId, targetType: 'Enterprise', targetId: e.id, divisionCode: e.divisionCode, role: 'LEAD', since: dayOf(2023, 30 + companyRng.int(0, 90)) });
  });
  buildDemoProjects(world).projects.forEach((p, i) =>
    liaisons.push({ id: `LP-${pad(i + 1, 6)}`, cadreId: enterpriseCadre.get(p.enterpriseId)!, targetType: 'Project', targetId: p.id, divisionCode: p.siteCode, role: 'LEAD', since: dayOf(2023, 150 + companyRng.int(0, 60)) }),
  );

  // Visits: home visits by 2 cadres over the second half of last year and the first half of
  // this one. This year's count is below the quota of 4 for about a fifth of the households.
  const lastYearDays = Math.round((Date.UTC(year, 0, 1) - Date.UTC(year - 1, 6, 1)) / 86_400_000);
  const firstHalfDays = Math.round((Date.UTC(year, 6, 1) - Date.UTC(year, 0, 1)) / 86_400_000);
  const julyFirstIndex = Math.round((Date.UTC(year - 1, 6, 1) - Date.UTC(year - 1, 0, 1)) / 86_400_000);
  const lastYear = () => dayOf(year - 1, julyFirstIndex + rng.int(0, lastYearDays - 1));
  const thisYear = () => dayOf(year, rng.int(0, firstHalfDays - 1));
  for (const h of households) {
    const cadreId = householdCadre.get(h.id)!;
    const nLast = rng.int(1, 3);
    const nThis = rng.chance(0.2) ? rng.int(0, 3) : rng.int(4, 6);
    const dates = [...Array.from({ length: nLast }, lastYear), ...Array.from({ length: nThis }, thisYear)];
    for (const date of dates) {
      const partner = partnerOf(cadreId, h.divisionCode);
      visits.push({ id: '', date, kind: 'HOME_VISIT', targetType: 'Household', targetId: h.id, divisionCode: h.divisionCode, cadreIds: [...new Set([cadreId, partner])].sort(), notes: rng.pick(HOME_NOTES) });
    }
  }
  for (const u of world.units) {
    const cadreIds = unitCadres.get(u.id) ?? [];
    if (cadreIds.length < 2) continue;
    visits.push({ id: '', date: thisYear(), kind: 'FORUM', targetType: 'BuildingUnit', targetId: u.id, divisionCode: buildingDivision.get(u.buildingId)!, cadreIds: [...cadreIds].sort(), notes: '楼栋议事会' });
  }
  for (const l of world.villageLiaisons) {
    const kind: VisitKind = l.role === 'FIRST_SECRETARY' ? 'STATIONED' : rng.chance(0.5) ? 'FORUM' : 'RESEARCH';
    visits.push({ id: '', date: thisYear(), kind, targetType: 'Division', targetId: l.divisionCode, divisionCode: l.divisionCode, cadreIds: [l.cadreId], notes: null });
  }
  // Ids follow the calendar (then generation order), so that they read like a ledger.
  const ordered = visits.map((v, i) => ({ v, i })).sort((a, b) => (a.v.date < b.v.date ? -1 : a.v.date > b.v.date ? 1 : a.i - b.i));
  ordered.forEach(({ v }, i) => (v.id = `V-${pad(i + 1, 6)}`));
  return { households, residents, liaisons, visits: ordered.map(({ v }) => v) };
}
