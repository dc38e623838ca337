// The people side of the demo world on a given day (`today`, China date): households,
// residents, household, building-unit, enterprise and project liaisons, visits of every kind over
// the twelve months up to today, the campaign the world runs (started six months ago: some
// departments lag, one has not started), help records (帮扶) and 实事 pledges, at the campaigns'
// ratios (5 households per cadre, 2 cadres per building unit and per home visit). A pure function
// of the DemoWorld and the day, so that every subgraph can compute the same ids (issues refers to
// households and visits) without reading the people database.

import { createRandom, type DemoWorld, type LiaisonRole, type Random } from './world';
import { buildDemoProjects } from './projects';
import { idNumberCheckChar } from '@cadres/kit';

export type HouseholdTag = 'POOR' | 'WEALTHY' | 'PETITIONER' | 'OLD_PARTY_MEMBER' | 'OLD_CADRE' | 'OLD_MODEL' | 'MILITARY_FAMILY';
export type VisitKind =
  | 'HOME_VISIT' | 'FORUM' | 'RESEARCH' | 'STATIONED' | 'ENTERPRISE_VISIT' | 'SITE_VISIT' | 'CONDOLENCE' | 'PARTY_DAY' | 'BUILDING_SWEEP';
export type PledgeStatus = 'PLANNED' | 'ONGOING' | 'DONE';

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
  /** `V-<nnnnnn>` (seven digits past a million). */
  id: string;
  date: string;
  kind: VisitKind;
  targetType: 'Household' | 'BuildingUnit' | 'Division' | 'Enterprise' | 'Project';
  targetId: string;
  /** Where the target lies: its village or community, township (a Division target), an enterprise's division, a project's site. */
  divisionCode: string;
  cadreIds: string[];
  notes: string | null;
  /** Days from `date` it lasted (a first secretary's STATIONED stay: more than 1); never past `today`. */
  days: number;
}

export interface DemoCampaignRules {
  householdsPerCadre: number;
  visitsPerHousehold: number;
  cadresPerHomeVisit: number;
  cadresPerBuildingUnit: number;
  rankedLiaisonRanks: Array<'CITY_LEVEL' | 'COUNTY_LEVEL' | 'SECTION_LEVEL' | 'STAFF'>;
  areaLeadCovers: boolean;
}

/**
 * The campaign the demo world runs (people's campaigns): a year from the first day of the month
 * six months before `today`, so that it is always under way, in its 解决问题 phase.
 */
export interface DemoCampaign {
  id: string;
  name: string;
  /** The city runs it. */
  divisionCode: string;
  from: string;
  to: string;
  phases: { name: string; from: string; to: string }[];
  rules: DemoCampaignRules;
  /** Every department with cadres, by id. */
  departmentIds: string[];
  /** The one taking part whose cadres have made no visit since `from` (尚未启动). */
  notStartedDepartmentId: string;
  /** Those whose cadres visit far less than the rest (a fraction of the home visits). */
  laggardDepartmentIds: string[];
}

/** 帮扶: help beyond a visit (people's help records). Funds in fen, as the subgraph stores them. */
export interface DemoHelpRecord {
  /** `HR-<nnnnnn>` */
  id: string;
  date: string;
  cadreId: string;
  targetType: 'Household' | 'Enterprise' | 'Division' | null;
  targetId: string | null;
  /** The target's division, else the cadre's department's. */
  divisionCode: string;
  peopleHelped: number;
  fundsFen: number;
  contactCards: number;
  researchReports: number;
  note: string | null;
}

/** 实事: a practical matter led by a cadre whose department serves the division. */
export interface DemoPledge {
  /** `PL-<nnnnnn>` */
  id: string;
  title: string;
  divisionCode: string;
  leadCadreId: string;
  targetDate: string;
  status: PledgeStatus;
  /** When it was taken on (领办), made routine work (常态化) and done: China dates up to today, null when not (yet). */
  startedOn: string;
  ongoingOn: string | null;
  doneOn: string | null;
}

export interface DemoPeople {
  /** The day the people side was built for (China date): nothing is dated after it. */
  today: string;
  households: DemoHousehold[];
  residents: DemoResident[];
  liaisons: DemoPeopleLiaison[];
  /** In date order (ids follow it). */
  visits: DemoVisit[];
  campaign: DemoCampaign;
  helpRecords: DemoHelpRecord[];
  pledges: DemoPledge[];
}

export interface DemoPeopleOptions {
  /**
   * The China date (YYYY-MM-DD) the demo is current on: the seeds pass the subgraph's clock
   * (chinaDate(subgraph.now())). Visits fill the twelve months up to it; the campaign started six
   * months before it. Default DEMO_TODAY, so that tests are deterministic.
   */
  today?: string;
}

/** The default `today`: the day the tests' fixed clocks (1 July 2026) stand on. */
export const DEMO_TODAY = '2026-07-01';
export const DEMO_PEOPLE_YEAR = 2026;
export const HOUSEHOLDS_PER_CADRE = 5;
export const DEMO_CAMPAIGN_ID = 'CP-0001';

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
const CONDOLENCE_NOTES = ['春节走访慰问', '送去米面油', '了解生活困难', '慰问老党员'];
const ENTERPRISE_NOTES = ['了解生产经营情况', '收集企业诉求', '宣讲惠企政策', '协调用工问题'];
const HELP_NOTES = ['协调低保复核', '落实临时救助', '联系医疗救助', '帮助申请助学金', '协调公益岗位'];
const PLEDGE_TITLES = ['村内道路硬化', '自来水管网改造', '安装太阳能路灯', '文化广场建设', '老年食堂运营', '养老服务站建设', '农村厕所改造', '排水沟渠清淤', '小区充电桩安装', '便民服务站建设'];
const HOME_NOTES = ['了解家庭收入情况', '宣传医保政策', '帮助联系就业岗位', '询问老人身体状况', '收集意见建议', null, null, null];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const DAY = 86_400_000;
const dayOf = (year: number, dayIndex: number) => new Date(Date.UTC(year, 0, 1) + dayIndex * DAY).toISOString().slice(0, 10);
const dayNo = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** The first day of the month `back` months before `iso`'s month (negative: after). */
const monthStart = (iso: string, back: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
};
const addDays = (iso: string, n: number) => isoOf(dayNo(iso) + n);

/** A seed drawn from the world itself, so that another demo seed gives other people. */
function seedOf(world: DemoWorld): number {
  let h = 2166136261;
  const text = world.cadres.filter((c) => !c.newcomer).map((c) => c.phone).join('') + world.divisions.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function birthDate(rng: Random, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const days = Math.floor((Date.UTC(toYear, 11, 31) - start) / 86_400_000);
  return new Date(start + rng.int(0, days) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
}

// One world's people per `today`: the four seeds of `npm run seed` and a test's expectations ask
// for the same people many times, and at city scale building them takes seconds.
const built = new WeakMap<DemoWorld, Map<string, DemoPeople>>();

/**
 * The people side of `world` on `options.today`. Pure and deterministic; the result is shared
 * between callers asking for the same world and day, so treat it as read-only.
 */
export function buildDemoPeople(world: DemoWorld, options: DemoPeopleOptions = {}): DemoPeople {
  const today = options.today ?? DEMO_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !Number.isFinite(dayNo(today))) throw new Error(`today must be a date (YYYY-MM-DD): ${today}`);
  let byDay = built.get(world);
  if (!byDay) built.set(world, (byDay = new Map()));
  const known = byDay.get(today);
  if (known) return known;
  const people = generate(world, today);
  byDay.set(today, people);
  return people;
}

function generate(world: DemoWorld, today: string): DemoPeople {
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
  // Newcomers have no link, household, visit or help yet: every draw below is over the others
  // (so their arrival changed nothing else in the demo).
  const settled = world.cadres.filter((c) => !c.newcomer);
  const cadresOfDept = new Map<string, string[]>();
  for (const c of settled) push(cadresOfDept, c.departmentId, c.id);
  const allCadres = settled.map((c) => c.id);
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
  for (const cadre of settled) {
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
  for (const c of settled) {
    const district = departmentDistrict.get(c.departmentId)!;
    districtCadres.set(district, [...(districtCadres.get(district) ?? []), c.id]);
  }
  const enterpriseCadre = new Map<string, string>();
  world.enterprises.forEach((e, i) => {
    const pool = districtCadres.get(e.divisionCode.slice(0, 6)) ?? allCadres;
    const cadreId = companyRng.pick(pool);
    enterpriseCadre.set(e.id, cadreId);
    liaisons.push({ id: `LE-${pad(i + 1, 6)}`, cadreId, targetType: 'Enterprise', targetId: e.id, divisionCode: e.divisionCode, role: 'LEAD', since: dayOf(2023, 30 + companyRng.int(0, 90)) });
  });
  const { projects } = buildDemoProjects(world);
  projects.forEach((p, i) =>
    liaisons.push({ id: `LP-${pad(i + 1, 6)}`, cadreId: enterpriseCadre.get(p.enterpriseId)!, targetType: 'Project', targetId: p.id, divisionCode: p.siteCode, role: 'LEAD', since: dayOf(2023, 150 + companyRng.int(0, 60)) }),
  );

  // ------------------------------------------------------------------ the campaign
  // Its own stream, seeded by the world only: which departments lag does not move with the day.
  const campaignRng = createRandom(seedOf(world) + 2);
  const from = monthStart(today, 6);
  const month = (k: number) => monthStart(from, -k); // first day of the campaign's month k (0-based)
  const campaign: DemoCampaign = {
    id: DEMO_CAMPAIGN_ID,
    name: '三解三促',
    divisionCode: world.divisions.find((d) => d.level === 'CITY')!.code,
    from,
    to: addDays(month(12), -1),
    phases: [
      { name: '动员部署', from, to: addDays(month(1), -1) },
      { name: '排查梳理', from: month(1), to: addDays(month(3), -1) },
      { name: '解决问题', from: month(3), to: addDays(month(10), -1) },
      { name: '考核评议', from: month(10), to: addDays(month(12), -1) },
    ],
    rules: { householdsPerCadre: HOUSEHOLDS_PER_CADRE, visitsPerHousehold: 4, cadresPerHomeVisit: 2, cadresPerBuildingUnit: 2, rankedLiaisonRanks: ['COUNTY_LEVEL', 'SECTION_LEVEL'], areaLeadCovers: false },
    departmentIds: [...cadresOfDept.keys()].sort(),
    notStartedDepartmentId: '',
    laggardDepartmentIds: [],
  };
  // Not started: one of the districts' departments beyond the core four that has cadres (the
  // core ones handle the issues), outside the first district (the seat, whose figures the
  // README's examples show with a campaign and an idle department of their own). Laggards: about
  // one department in seven, at least two, never the organization department that runs the campaign.
  const seat = world.divisions.find((d) => d.level === 'DISTRICT')!.code.slice(0, 6);
  const extras = campaign.departmentIds.filter((id) => /^D-\d{6}-\d{2}$/.test(id) && !id.startsWith('D-370500-') && !id.startsWith(`D-${seat}-`) && Number(id.slice(-2)) > 4);
  campaign.notStartedDepartmentId = campaignRng.pick(extras.length ? extras : campaign.departmentIds.slice(1));
  const others = campaign.departmentIds.filter((id) => id !== campaign.notStartedDepartmentId && !id.endsWith('500-01'));
  campaign.laggardDepartmentIds = campaignRng.shuffle(others).slice(0, Math.max(2, Math.round(others.length / 7))).sort();
  const notStarted = new Set(cadresOfDept.get(campaign.notStartedDepartmentId));
  const laggards = new Set(campaign.laggardDepartmentIds.flatMap((id) => cadresOfDept.get(id) ?? []));
  const activeCadres = allCadres.filter((c) => !notStarted.has(c));

  // ------------------------------------------------------------------ visits
  // The twelve months up to today: the six before the campaign, and the campaign so far.
  const windowFrom = dayNo(monthStart(today, 12));
  const campaignFrom = dayNo(from);
  const last = dayNo(today);
  const before = () => isoOf(rng.int(windowFrom, campaignFrom - 1));
  const during = () => isoOf(rng.int(campaignFrom, last));
  /** Cadres of a visit on `date`: the not-started department's cadres drop out of campaign visits, replaced when the visit needs two. */
  const steadyCadres = activeCadres.filter((c) => !laggards.has(c));
  const crew = (date: string, ids: string[], min: number): string[] | null => {
    let out = [...new Set(ids)];
    // Laggards mostly leave joining others' visits to colleagues too.
    if (date >= from) out = out.filter((c, i) => !notStarted.has(c) && (i === 0 || !laggards.has(c) || rng.chance(0.2)));
    while (out.length < min) {
      const extra = other(steadyCadres, out[0] ?? '');
      if (!extra || out.includes(extra)) break;
      out.push(extra);
    }
    return out.length >= Math.max(1, min) ? out.sort() : null;
  };
  const visit = (date: string, kind: VisitKind, targetType: DemoVisit['targetType'], targetId: string, divisionCode: string, cadreIds: string[], notes: string | null, days = 1) => {
    const ids = crew(date, cadreIds, kind === 'HOME_VISIT' || targetType === 'BuildingUnit' ? 2 : 1);
    if (ids) visits.push({ id: '', date, kind, targetType, targetId, divisionCode, cadreIds: ids, notes, days });
  };
  /** Another visit by `cadreId` beyond its home visits: a laggard makes a third of them, a not-started one makes them before the campaign. */
  const when = (cadreId: string): string | null => (notStarted.has(cadreId) ? before() : laggards.has(cadreId) && !rng.chance(0.3) ? null : during());

  // Home visits by 2 cadres (组团式): up to one before the campaign, then most households 3–5
  // times so far (the rule is 4 in the campaign's year), a quarter fewer; laggards' households
  // hardly, the not-started department's only before.
  for (const h of households) {
    const cadreId = householdCadre.get(h.id)!;
    const idle = notStarted.has(cadreId);
    const nBefore = idle ? rng.int(1, 2) : rng.int(0, 1);
    const nDuring = idle ? 0 : laggards.has(cadreId) ? rng.int(0, 1) : rng.chance(0.25) ? rng.int(0, 2) : rng.int(3, 5);
    const dates = [...Array.from({ length: nBefore }, before), ...Array.from({ length: nDuring }, during)];
    for (const date of dates) visit(date, 'HOME_VISIT', 'Household', h.id, h.divisionCode, [cadreId, partnerOf(cadreId, h.divisionCode)], rng.pick(HOME_NOTES));
    // 慰问: families in need and those the campaign honours, by their cadre.
    if (h.tags.some((t) => t === 'POOR' || t === 'OLD_PARTY_MEMBER' || t === 'MILITARY_FAMILY') && rng.chance(0.4)) {
      const date = when(cadreId);
      if (date) visit(date, 'CONDOLENCE', 'Household', h.id, h.divisionCode, [cadreId], rng.pick(CONDOLENCE_NOTES));
    }
  }
  // Building units with their 2 cadres: a forum (楼栋议事会) in most, a sweep (楼栋遍访) in some.
  for (const u of world.units) {
    const cadreIds = unitCadres.get(u.id) ?? [];
    if (cadreIds.length < 2) continue;
    const code = buildingDivision.get(u.buildingId)!;
    if (rng.chance(0.6)) {
      const date = when(cadreIds[0]);
      if (date) visit(date, 'FORUM', 'BuildingUnit', u.id, code, cadreIds, '楼栋议事会');
    }
    if (rng.chance(0.3)) {
      const date = when(cadreIds[0]);
      if (date) visit(date, 'BUILDING_SWEEP', 'BuildingUnit', u.id, code, cadreIds, '楼栋遍访');
    }
  }
  // Village links: a forum or research visit; the LEAD joins a 主题党日 now and then; first
  // secretaries are stationed every month of the campaign, 8–20 days at a time, never past today.
  for (const l of world.villageLiaisons) {
    if (l.role === 'FIRST_SECRETARY') {
      for (let m = campaignFrom; m <= last; m = dayNo(monthStart(isoOf(m), -1))) {
        const start = m + rng.int(0, 4);
        if (start > last) break;
        const days = Math.min(rng.int(8, 20), last - start + 1);
        visit(isoOf(start), 'STATIONED', 'Division', l.divisionCode, l.divisionCode, [l.cadreId], '驻村工作', days);
      }
      continue;
    }
    const date = when(l.cadreId);
    if (date) visit(date, rng.chance(0.5) ? 'FORUM' : 'RESEARCH', 'Division', l.divisionCode, l.divisionCode, [l.cadreId], null);
    if (l.role === 'LEAD' && rng.chance(0.5)) {
      const day = when(l.cadreId);
      if (day) visit(day, 'PARTY_DAY', 'Division', l.divisionCode, l.divisionCode, [l.cadreId], '主题党日');
    }
  }
  // 包片 leaders research their township.
  for (const l of world.areaLeads) {
    for (let k = rng.int(1, 2); k > 0; k--) {
      const date = when(l.cadreId);
      if (date) visit(date, 'RESEARCH', 'Division', l.divisionCode, l.divisionCode, [l.cadreId], '包片调研');
    }
  }
  // Enterprise liaisons visit their enterprise (一对一包联) and its projects' sites.
  for (const e of world.enterprises) {
    const cadreId = enterpriseCadre.get(e.id)!;
    for (let k = rng.int(1, 3); k > 0; k--) {
      const date = when(cadreId);
      if (date) visit(date, 'ENTERPRISE_VISIT', 'Enterprise', e.id, e.divisionCode, [cadreId], rng.pick(ENTERPRISE_NOTES));
    }
  }
  for (const p of projects) {
    const cadreId = enterpriseCadre.get(p.enterpriseId)!;
    for (let k = rng.int(1, 2); k > 0; k--) {
      const date = when(cadreId);
      if (date) visit(date, 'SITE_VISIT', 'Project', p.id, p.siteCode, [cadreId], '项目现场调度');
    }
  }
  // Ids follow the calendar (then generation order), so that they read like a ledger.
  const ordered = visits.map((v, i) => ({ v, i })).sort((a, b) => (a.v.date < b.v.date ? -1 : a.v.date > b.v.date ? 1 : a.i - b.i));
  const width = ordered.length > 999_999 ? 7 : 6;
  ordered.forEach(({ v }, i) => (v.id = `V-${pad(i + 1, width)}`));

  // ------------------------------------------------------------------ help records (帮扶)
  const helpRng = createRandom(seedOf(world) + 3);
  const helpRecords: DemoHelpRecord[] = [];
  const departmentDivision = new Map(world.departments.map((d) => [d.id, d.divisionCode]));
  const helpDate = () => isoOf(helpRng.int(campaignFrom, last));
  const help = (r: Omit<DemoHelpRecord, 'id' | 'date'>) => {
    if (!notStarted.has(r.cadreId)) helpRecords.push({ id: '', date: helpDate(), ...r });
  };
  for (const h of households) {
    if (!h.tags.includes('POOR') || !helpRng.chance(0.7)) continue;
    help({ cadreId: householdCadre.get(h.id)!, targetType: 'Household', targetId: h.id, divisionCode: h.divisionCode, peopleHelped: helpRng.int(1, 3), fundsFen: helpRng.int(2, 50) * 10_000, contactCards: 0, researchReports: 0, note: helpRng.pick(HELP_NOTES) });
  }
  for (const c of settled) {
    const at = home.get(c.id);
    // Contact cards go to the households of the cadre's village (else: its department's division).
    if (helpRng.chance(0.5)) {
      const where = at ? { targetType: 'Division' as const, targetId: at.code, divisionCode: at.code } : { targetType: null, targetId: null, divisionCode: departmentDivision.get(c.departmentId)! };
      help({ cadreId: c.id, ...where, peopleHelped: 0, fundsFen: 0, contactCards: helpRng.int(5, 20), researchReports: 0, note: '发放联系卡' });
    }
    if (at && (c.rank === 'COUNTY_LEVEL' || c.rank === 'SECTION_LEVEL') && helpRng.chance(0.4)) {
      help({ cadreId: c.id, targetType: 'Division', targetId: at.code, divisionCode: at.code, peopleHelped: 0, fundsFen: 0, contactCards: 0, researchReports: 1, note: '形成调研报告' });
    }
  }
  for (const e of world.enterprises) {
    if (!helpRng.chance(0.2)) continue;
    help({ cadreId: enterpriseCadre.get(e.id)!, targetType: 'Enterprise', targetId: e.id, divisionCode: e.divisionCode, peopleHelped: 0, fundsFen: helpRng.int(10, 200) * 1_000_000, contactCards: 0, researchReports: 0, note: '协调银行授信' });
  }
  helpRecords.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).forEach((r, i) => (r.id = `HR-${pad(i + 1, 6)}`));

  // ------------------------------------------------------------------ pledges (实事)
  // Two at most townships, led by its unit's head or a ranked cadre of the district; one in a
  // quarter of the villages, led by its LEAD. Done by today, or due later in the campaign.
  const pledgeRng = createRandom(seedOf(world) + 4);
  // The pledges' dates draw from a stream of their own, so adding them changed no other figure.
  const pledgeDates = createRandom(seedOf(world) + 5);
  const pledges: DemoPledge[] = [];
  const townHead = new Map(world.areaLeads.map((l) => [l.divisionCode, l.cadreId]));
  const rankOf = new Map(world.cadres.map((c) => [c.id, c.rank]));
  const rankedOfDistrict = new Map<string, string[]>();
  for (const c of activeCadres) {
    const code = departmentDivision.get(deptOf.get(c)!)!;
    if (/^\d{6}000000$/.test(code) && !code.endsWith('00000000') && rankOf.get(c) !== 'STAFF') push(rankedOfDistrict, code.slice(0, 6), c);
  }
  const pledge = (divisionCode: string, leadCadreId: string | undefined) => {
    if (!leadCadreId || notStarted.has(leadCadreId)) return;
    const r = pledgeRng.next();
    const status: PledgeStatus = r < 0.4 ? 'DONE' : r < 0.7 ? 'ONGOING' : 'PLANNED';
    const targetDate = status === 'DONE' ? isoOf(pledgeRng.int(campaignFrom, last)) : isoOf(pledgeRng.int(last + 1, dayNo(campaign.to)));
    // Taken on within the campaign, before it was done; made routine between the two.
    const started = pledgeDates.int(campaignFrom, status === 'DONE' ? dayNo(targetDate) : last);
    const ongoingOn = status === 'PLANNED' ? null : isoOf(pledgeDates.int(started, status === 'DONE' ? dayNo(targetDate) : last));
    const doneOn = status === 'DONE' ? targetDate : null;
    pledges.push({ id: `PL-${pad(pledges.length + 1, 6)}`, title: pledgeRng.pick(PLEDGE_TITLES), divisionCode, leadCadreId, targetDate, status, startedOn: isoOf(started), ongoingOn, doneOn });
  };
  const villageLead = new Map<string, string>();
  for (const l of world.villageLiaisons) if (l.role === 'LEAD' && !villageLead.has(l.divisionCode)) villageLead.set(l.divisionCode, l.cadreId);
  for (const d of world.divisions) {
    if (d.level === 'TOWNSHIP') {
      const ranked = rankedOfDistrict.get(d.code.slice(0, 6)) ?? [];
      for (let k = pledgeRng.int(0, 2); k > 0; k--) pledge(d.code, townHead.get(d.code) ?? (ranked.length ? pledgeRng.pick(ranked) : undefined));
    } else if ((d.level === 'VILLAGE' || d.level === 'COMMUNITY') && pledgeRng.chance(0.25)) {
      pledge(d.code, villageLead.get(d.code));
    }
  }

  return { today, households, residents, liaisons, visits: ordered.map(({ v }) => v), campaign, helpRecords, pledges };
}
