// A deterministic "demo world" for Dongying (东营市). Each subgraph seeds its own database
// from it; because the generator is pure and seeded, the four databases line up (same
// division codes, same ids) without any subgraph reading another's tables.

import {
  CREDIT_CODE_CHARSET,
  DivisionLevel,
  creditCodeCheckChar,
  parseDivisionCode,
} from '@cadres/kit';

// ---------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** A shuffled copy; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: tiny, fast and good enough for demo data; same seed → same sequence. */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty array');
      return items[Math.floor(next() * items.length)];
    },
    chance: (p: number): boolean => next() < p,
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

// Each part of the world draws from its own stream, so that changing how (say) enterprises
// are generated does not reshuffle the divisions every other subgraph already relies on.
function subSeed(seed: number, label: string): number {
  let h = 2166136261 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------

export type CadreRank = 'CITY_LEVEL' | 'COUNTY_LEVEL' | 'SECTION_LEVEL' | 'STAFF';
export type LiaisonRole = 'LEAD' | 'MEMBER' | 'FIRST_SECRETARY' | 'AREA_LEAD';
export type EnterpriseCategory = 'ABOVE_SCALE_INDUSTRIAL' | 'SPECIALIZED_NEW' | 'TECH_SME' | 'OTHER';

export interface DemoDivision {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
  population: number;
}

export interface DemoBuilding {
  id: string;
  name: string;
  divisionCode: string;
}

export interface DemoUnit {
  id: string;
  name: string;
  buildingId: string;
}

export interface DemoDepartment {
  id: string;
  name: string;
  divisionCode: string;
}

export interface DemoCadre {
  id: string;
  name: string;
  rank: CadreRank;
  departmentId: string;
  partyMember: boolean;
  phone: string;
  /** Joined lately: no link, household or visit yet (the cadres coverage lists as without a village). */
  newcomer?: true;
}

export interface DemoVillageLiaison {
  id: string;
  cadreId: string;
  divisionCode: string;
  role: LiaisonRole;
  /** YYYY-MM-DD */
  since: string;
}

export interface DemoEnterprise {
  id: string;
  creditCode: string;
  name: string;
  category: EnterpriseCategory;
  industry: string;
  employees: number;
  divisionCode: string;
}

export interface DemoWorld {
  divisions: DemoDivision[];
  buildings: DemoBuilding[];
  units: DemoUnit[];
  /** City and district departments, then the township units (departments at a township: `D-<township>-01`). */
  departments: DemoDepartment[];
  cadres: DemoCadre[];
  /** Links of cadres to villages and communities (LEAD, MEMBER, FIRST_SECRETARY). */
  villageLiaisons: DemoVillageLiaison[];
  /** 包片: each township unit's head, AREA_LEAD of its township (`LA-<nnnnnn>`). */
  areaLeads: DemoVillageLiaison[];
  enterprises: DemoEnterprise[];
  /** The sizes it was built for; the issues seed reads its issue target from here. */
  profile: DemoProfile;
}

/**
 * How big and how dense a demo world is. `scale` multiplies townships per district and villages
 * per township (so villages grow with its square); the others are densities and targets.
 */
export interface DemoProfile {
  /** `default` (npm start, tests), `city` or `jining` (npm run seed -- --scale), or `custom`. */
  name: string;
  scale: number;
  /** Cadres of city and district departments per village or community (township units' cadres come on top). */
  cadresPerVillage: number;
  enterprises: number;
  /** How many issues the issues seed writes on this world. */
  issues: number;
}

/**
 * The named profiles of the scale generator (issue 13): a real city's size (Dongying has 1,896
 * villages and communities) and Jining's. Scales were chosen so that the generated counts land
 * near the targets: see world.test.ts.
 */
export const demoProfiles = {
  // about 1,900 villages and communities, 10,000 cadres, 50,000 households, 1,000 enterprises, 20,000 issues
  city: { name: 'city', scale: 3.6, cadresPerVillage: 5.0, enterprises: 1000, issues: 20_000 },
  // about 7,000 villages and communities, 70,000 cadres, 350,000 households, 100,000 issues
  jining: { name: 'jining', scale: 7.4, cadresPerVillage: 9.9, enterprises: 3500, issues: 100_000 },
} as const satisfies Record<string, DemoProfile>;
export type DemoProfileName = keyof typeof demoProfiles;

export interface DemoWorldOptions {
  seed?: number;
  /** Multiplies the number of townships, villages, buildings, cadres and enterprises. */
  scale?: number;
  /** A named profile: its scale and densities, unless given here too. */
  profile?: DemoProfileName;
  /** Default 1.3: enough for a ranked liaison in most villages and a link for every cadre. */
  cadresPerVillage?: number;
  /** Default about 40 per unit of scale. */
  enterprises?: number;
  /** Default about 0.75 per village or community. */
  issues?: number;
}

// ---------------------------------------------------------------------------------------
// Fixed, real part of the map
// ---------------------------------------------------------------------------------------

export const DEMO_PROVINCE_CODE = '370000000000';
export const DEMO_CITY_CODE = '370500000000';

const CITY_NAME = '东营市';
// Shandong's resident population (2022, ~101.6 million); the province is only a root
// here, so it is not the sum of the generated city.
const PROVINCE_POPULATION = 101_627_900;

const DISTRICTS: ReadonlyArray<{ code: string; name: string; urban: boolean }> = [
  { code: '370502000000', name: '东营区', urban: true },
  { code: '370503000000', name: '河口区', urban: false },
  { code: '370505000000', name: '垦利区', urban: false },
  { code: '370522000000', name: '利津县', urban: false },
  { code: '370523000000', name: '广饶县', urban: false },
];

// ---------------------------------------------------------------------------------------
// Name material
// ---------------------------------------------------------------------------------------

const PLACE_FIRST = [
  '文', '东', '辛', '胜', '龙', '六', '史', '牛', '新', '义', '仙', '孤', '永', '董', '汀',
  '郝', '明', '凤', '稻', '花', '大', '丁', '乐', '石', '英', '华', '盐', '北', '西', '南',
];
const PLACE_SECOND = [
  '汇', '城', '店', '利', '园', '居', '户', '口', '庄', '和', '河', '岛', '安', '集', '窝',
  '坨', '滨', '宁', '泉', '丰', '兴', '旺', '林', '桥', '湾', '洼', '埠', '营', '寨', '台',
];
const COMMUNITY_FIRST = [
  '新', '华', '康', '幸', '和', '文', '安', '阳', '金', '锦', '春', '秋', '府', '明', '育',
  '胜', '丽', '兴', '泰', '嘉', '福', '东', '西', '南', '北', '银', '翠', '怡', '惠', '悦',
];
const COMMUNITY_SECOND = [
  '华', '兴', '康', '福', '平', '安', '苑', '园', '城', '景', '盛', '泰', '和', '宁', '祥',
  '悦', '海', '湖', '林', '源', '晖', '馨', '居', '庭', '苑', '都', '汇', '达', '荣', '佳',
];
// The stems of Dongying's real townships (文汇街道, 六户镇, …), which the invented ones avoid.
const REAL_TOWNSHIP_STEMS = new Set([
  '文汇', '黄河', '胜利', '胜园', '辛店', '六户', '史口', '龙居', '牛庄', '东城', '六合', '河口', '仙河', '孤岛',
  '新户', '义和', '垦利', '兴隆', '胜坨', '郝家', '永安', '董集', '利津', '凤凰', '北宋', '陈庄', '汀罗', '盐窝',
  '明集', '刁口', '广饶', '李鹊', '丁庄', '稻庄', '大王', '花官', '陈官', '乐安', '石村', '大码',
]);
const VILLAGE_SUFFIXES = ['家村', '庄村', '集村', '家庄村', '屯村', '官村', '家洼村', '家岭村'];

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高',
  '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧',
  '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏', '卢', '蒋', '蔡', '贾',
  '丁', '魏', '薛', '叶', '阎', '崔', '任', '宁', '商', '綦', '薄', '盖', '耿', '尹', '巩',
];
const GIVEN_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛',
  '明', '超', '秀', '霞', '平', '刚', '桂', '英', '华', '建', '国', '志', '文', '海', '红',
  '玉', '兰', '鹏', '飞', '宁', '斌', '辉', '波', '鑫', '晨', '浩', '宇', '欣', '婷', '雪',
  '振', '东', '德', '庆', '春', '立', '新', '成', '永', '长', '学', '宏', '峰', '凯', '琳',
];

// District departments. The first four exist in every district so that other subgraphs
// (people, enterprises, issues) can rely on 民政/工信/住建/人社 being present.
const DISTRICT_DEPARTMENTS_CORE = ['民政局', '工信局', '住建局', '人社局'];
const DISTRICT_DEPARTMENTS_EXTRA = [
  '农业农村局', '教育和体育局', '卫生健康局', '应急管理局', '自然资源局', '发展和改革局', '信访局', '财政局',
];
const CITY_DEPARTMENTS = [
  '委组织部', '民政局', '工业和信息化局', '住房和城乡建设局', '人力资源和社会保障局', '发展和改革委员会',
  '农业农村局', '卫生健康委员会', '教育局', '政务服务管理局',
];

const INDUSTRIES: ReadonlyArray<{ industry: string; words: readonly string[] }> = [
  { industry: '石油化工', words: ['化工', '石化', '炼化'] },
  { industry: '橡胶轮胎', words: ['轮胎', '橡胶'] },
  { industry: '石油装备', words: ['石油装备', '石油机械', '钻采设备'] },
  { industry: '有色金属', words: ['铜业', '铝业', '金属材料'] },
  { industry: '新材料', words: ['新材料科技', '材料科技'] },
  { industry: '生物医药', words: ['生物医药', '制药', '生物科技'] },
  { industry: '纺织服装', words: ['纺织', '服饰'] },
  { industry: '食品加工', words: ['食品', '农业科技'] },
  { industry: '新能源', words: ['新能源', '光伏科技', '风电设备'] },
  { industry: '软件和信息技术', words: ['信息技术', '软件', '数字科技'] },
];
const BRAND_CHARS = [
  '华', '宇', '鑫', '泰', '丰', '盛', '瑞', '恒', '达', '通', '科', '海', '宏', '利', '胜',
  '凯', '信', '源', '博', '润', '正', '和', '德', '天', '金', '汇', '诚', '峰', '隆', '安',
];

// Real Chinese mobile prefixes (三大运营商 + 广电 198/199/192).
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153',
  '155', '156', '157', '158', '159', '166', '176', '177', '178', '180', '181', '182', '183',
  '185', '186', '187', '188', '189', '191', '192', '198', '199',
];

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Draws names until one is unused; falls back to a numbered name so it always terminates. */
function uniqueName(used: Set<string>, draw: () => string, fallback: (i: number) => string): string {
  for (let tries = 0; tries < 40; tries++) {
    const name = draw();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  for (let i = 2; ; i++) {
    const name = fallback(i);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

// Liaison start dates fall in the 2023 campaign's first half (Dongying launched in spring).
const SINCE_START_MS = Date.UTC(2023, 1, 1);
const SINCE_SPAN_DAYS = 150;
function sinceDate(rng: Random): string {
  return new Date(SINCE_START_MS + rng.int(0, SINCE_SPAN_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** A count near `mean` (± a quarter), never below `min`. */
function about(rng: Random, mean: number, min: number): number {
  const spread = Math.max(1, Math.round(mean / 4));
  return Math.max(min, Math.round(mean) + rng.int(-spread, spread));
}

function districtOf(code: string): string {
  return code.slice(0, 6) + '000000';
}

// ---------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------

type TownKind = 'STREET' | 'TOWN' | 'TOWNSHIP';

export function buildDemoWorld(options: DemoWorldOptions = {}): DemoWorld {
  const named = options.profile ? demoProfiles[options.profile] : undefined;
  if (options.profile && !named) throw new Error(`unknown demo profile: ${options.profile} (${Object.keys(demoProfiles).join(', ')})`);
  const seed = options.seed ?? 2023;
  const scale = options.scale ?? named?.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`scale must be a positive number: ${scale}`);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number: ${seed}`);
  const cadresPerVillage = options.cadresPerVillage ?? named?.cadresPerVillage ?? 1.3;
  if (!Number.isFinite(cadresPerVillage) || cadresPerVillage <= 0) throw new Error(`cadresPerVillage must be a positive number: ${cadresPerVillage}`);

  const divisions = buildDivisions(createRandom(subSeed(seed, 'divisions')), scale);
  const communities = divisions.filter((d) => d.level === 'COMMUNITY');
  const { buildings, units } = buildBuildings(createRandom(subSeed(seed, 'buildings')), scale, communities);
  const grassroots = divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY');
  const departments = buildDepartments(createRandom(subSeed(seed, 'departments')));
  const townUnits = buildTownshipUnits(createRandom(subSeed(seed, 'township units')), divisions);
  const cadres = buildCadres(createRandom(subSeed(seed, 'cadres')), departments, grassroots, cadresPerVillage);
  const villageLiaisons = buildLiaisons(createRandom(subSeed(seed, 'liaisons')), departments, cadres, grassroots);
  // Township units and their cadres come after the rest, from streams of their own, so that the
  // city's and districts' cadres and links are what they were before townships had units.
  const town = buildTownshipCadres(createRandom(subSeed(seed, 'township cadres')), townUnits, grassroots, cadres.length, villageLiaisons.length);
  // Newcomers last, from a stream of their own: the cadres and links above stay as they were.
  const newcomers = buildNewcomers(createRandom(subSeed(seed, 'newcomers')), departments, cadres.length + town.cadres.length);
  const enterpriseCount = options.enterprises ?? named?.enterprises;
  const enterprises = buildEnterprises(createRandom(subSeed(seed, 'enterprises')), scale, divisions, enterpriseCount);
  const profile: DemoProfile = {
    name: named && options.scale === undefined && options.cadresPerVillage === undefined && options.enterprises === undefined
      ? named.name
      : !options.profile && scale === 1 && options.cadresPerVillage === undefined && options.enterprises === undefined ? 'default' : 'custom',
    scale,
    cadresPerVillage,
    enterprises: enterprises.length,
    issues: options.issues ?? named?.issues ?? Math.round(grassroots.length * 0.75),
  };
  return {
    divisions,
    buildings,
    units,
    departments: [...departments, ...townUnits],
    cadres: [...cadres, ...town.cadres, ...newcomers],
    villageLiaisons: [...villageLiaisons, ...town.villageLiaisons],
    areaLeads: town.areaLeads,
    enterprises,
    profile,
  };
}

function buildDivisions(rng: Random, scale: number): DemoDivision[] {
  const province: DemoDivision = {
    code: DEMO_PROVINCE_CODE, name: '山东省', level: 'PROVINCE', parentCode: null, population: PROVINCE_POPULATION,
  };
  const city: DemoDivision = {
    code: DEMO_CITY_CODE, name: CITY_NAME, level: 'CITY', parentCode: DEMO_PROVINCE_CODE, population: 0,
  };
  const out: DemoDivision[] = [province, city];
  const townNames = new Set<string>();

  for (const d of DISTRICTS) {
    const district: DemoDivision = { code: d.code, name: d.name, level: 'DISTRICT', parentCode: DEMO_CITY_CODE, population: 0 };
    out.push(district);
    const prefix = d.code.slice(0, 6);
    const nTowns = about(rng, 3 * scale, 2);
    // The townships are invented, so their codes are too: numbered from the top of each kind's
    // range down (street offices 099, 098…, towns 199…, 乡 399…), where Dongying's real ones
    // (numbered up from 001 and 100, no 乡 at all) do not reach. Nothing below a district sits
    // on a real code, and everything under an invented township is invented with it.
    const nextNo: Record<TownKind, number> = { STREET: 99, TOWN: 199, TOWNSHIP: 399 };
    const limit: Record<TownKind, number> = { STREET: 1, TOWN: 100, TOWNSHIP: 200 };

    for (let t = 0; t < nTowns; t++) {
      // Each district starts with a street office (its seat, so it has communities and
      // buildings); rural counties then have a town, and the rest lean to their character.
      // Real Dongying has ~7 villages per community, so street offices stay a minority.
      let kind: TownKind;
      if (t === 0) kind = 'STREET';
      else if (t === 1 && !d.urban) kind = 'TOWN';
      else {
        const r = rng.next();
        const streetShare = d.urban ? 0.5 : 0.15;
        kind = r < streetShare ? 'STREET' : r < streetShare + (1 - streetShare) * 0.75 ? 'TOWN' : 'TOWNSHIP';
      }
      if (nextNo[kind] < limit[kind]) kind = (['STREET', 'TOWN', 'TOWNSHIP'] as const).find((k) => nextNo[k] >= limit[k]) ?? kind;
      if (nextNo[kind] < limit[kind]) break; // the district's code space is exhausted
      const townNo = nextNo[kind]--;
      const suffix = kind === 'STREET' ? '街道' : kind === 'TOWN' ? '镇' : '乡';
      // Invented names only: a real township's name on an invented code would mislead.
      const base = uniqueName(
        townNames,
        () => {
          let stem: string;
          do stem = rng.pick(PLACE_FIRST) + rng.pick(PLACE_SECOND);
          while (REAL_TOWNSHIP_STEMS.has(stem));
          return stem + suffix;
        },
        (i) => `${d.name.slice(0, 2)}${i}${suffix}`,
      );
      const townCode = `${prefix}${pad(townNo, 3)}000`;
      const town: DemoDivision = { code: townCode, name: base, level: 'TOWNSHIP', parentCode: d.code, population: 0 };
      out.push(town);

      // ~8·scale per township on average: street offices a little fewer, towns more.
      const nVillages = about(rng, (kind === 'STREET' ? 6 : 9) * scale, 2);
      const communityShare = kind === 'STREET' ? 0.85 : 0.12;
      let nextCommunity = 1;
      let nextVillage = 201;
      const localNames = new Set<string>();
      for (let v = 0; v < nVillages; v++) {
        // Guarantee the dominant kind is present at least once per township.
        let isCommunity = v === 0 ? kind === 'STREET' : rng.chance(communityShare);
        if (isCommunity && nextCommunity > 199) isCommunity = false;
        if (!isCommunity && nextVillage > 399) isCommunity = true;
        if (isCommunity && nextCommunity > 199) break;
        let code: string;
        let name: string;
        let population: number;
        if (isCommunity) {
          code = `${prefix}${pad(townNo, 3)}${pad(nextCommunity++, 3)}`;
          name = uniqueName(
            localNames,
            () => rng.pick(COMMUNITY_FIRST) + rng.pick(COMMUNITY_SECOND) + '社区',
            (i) => `第${i}社区`,
          );
          population = rng.int(1500, 12000);
        } else {
          code = `${prefix}${pad(townNo, 3)}${pad(nextVillage++, 3)}`;
          name = uniqueName(
            localNames,
            () => (rng.chance(0.7) ? rng.pick(SURNAMES) + rng.pick(VILLAGE_SUFFIXES) : rng.pick(PLACE_FIRST) + rng.pick(PLACE_SECOND) + '村'),
            (i) => `${base.slice(0, 2)}${i}村`,
          );
          population = rng.int(250, 3200);
        }
        out.push({ code, name, level: isCommunity ? 'COMMUNITY' : 'VILLAGE', parentCode: townCode, population });
        town.population += population;
      }
      district.population += town.population;
    }
    city.population += district.population;
  }

  // Code order puts every parent before its children (handy for foreign keys) and lets
  // consumers binary-search or range-scan the array.
  out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // Codes come from the generator's own counters; this guards the invariants every
  // subgraph's prefix scans depend on.
  for (const div of out) {
    const info = parseDivisionCode(div.code);
    if (!info || info.level !== div.level || info.parentCode !== div.parentCode) {
      throw new Error(`demo world produced an inconsistent division: ${JSON.stringify(div)}`);
    }
  }
  return out;
}

function buildBuildings(rng: Random, scale: number, communities: readonly DemoDivision[]) {
  const buildings: DemoBuilding[] = [];
  const units: DemoUnit[] = [];
  for (const c of communities) {
    const n = about(rng, 3 * scale, 1);
    for (let b = 1; b <= n; b++) {
      const id = `B-${c.code}-${pad(b, 2)}`;
      buildings.push({ id, name: `${b}号楼`, divisionCode: c.code });
      const nUnits = rng.int(2, 4);
      for (let u = 1; u <= nUnits; u++) {
        units.push({ id: `U-${c.code}-${pad(b, 2)}-${u}`, name: `${u}单元`, buildingId: id });
      }
    }
  }
  return { buildings, units };
}

function buildDepartments(rng: Random): DemoDepartment[] {
  const out: DemoDepartment[] = [];
  CITY_DEPARTMENTS.forEach((suffix, i) => {
    out.push({ id: `D-370500-${pad(i + 1, 2)}`, name: CITY_NAME + suffix, divisionCode: DEMO_CITY_CODE });
  });
  for (const d of DISTRICTS) {
    const extras = rng.shuffle(DISTRICT_DEPARTMENTS_EXTRA).slice(0, rng.int(2, 3));
    [...DISTRICT_DEPARTMENTS_CORE, ...extras].forEach((suffix, i) => {
      out.push({ id: `D-${d.code.slice(0, 6)}-${pad(i + 1, 2)}`, name: d.name + suffix, divisionCode: d.code });
    });
  }
  return out;
}

/**
 * Township units (seed 001: "56名街道干部包村"): the seat of every district (its first street
 * office) and about a quarter of the other townships run cadres of their own, a department at
 * the township named after its office (街道办事处 / 人民政府).
 */
function buildTownshipUnits(rng: Random, divisions: readonly DemoDivision[]): DemoDepartment[] {
  const out: DemoDepartment[] = [];
  const seats = new Set<string>();
  for (const t of divisions) {
    if (t.level !== 'TOWNSHIP') continue;
    const district = districtOf(t.code);
    const seat = !seats.has(district);
    seats.add(district);
    if (!seat && !rng.chance(0.25)) continue;
    const office = t.name.endsWith('街道') ? '办事处' : '人民政府';
    out.push({ id: `D-${t.code.slice(0, 9)}-01`, name: t.name + office, divisionCode: t.code });
  }
  return out;
}

/**
 * The township units' cadres, about one per four villages of the township (at least 2): the
 * first (section level) is the township's 包片 leader (AREA_LEAD of the township); each also
 * 包村, a MEMBER link to a village or community of its township, so that every cadre has one.
 */
function buildTownshipCadres(rng: Random, units: readonly DemoDepartment[], grassroots: readonly DemoDivision[], cadresBefore: number, linksBefore: number) {
  const cadres: DemoCadre[] = [];
  const villageLiaisons: DemoVillageLiaison[] = [];
  const areaLeads: DemoVillageLiaison[] = [];
  const phones = new Set<string>();
  for (const unit of units) {
    const prefix = unit.divisionCode.slice(0, 9);
    const places = grassroots.filter((g) => g.code.startsWith(prefix));
    const n = Math.max(2, Math.round(places.length / 4));
    for (let i = 0; i < n; i++) {
      let phone: string;
      // 170 (a real prefix the departments' cadres do not draw): a block of its own, so these never collide with the departments' cadres.
      do phone = '170' + pad(rng.int(0, 99_999_999), 8);
      while (phones.has(phone));
      phones.add(phone);
      const rank: CadreRank = i === 0 ? 'SECTION_LEVEL' : 'STAFF';
      const cadre: DemoCadre = {
        id: `C-${pad(cadresBefore + cadres.length + 1, 5)}`,
        name: rng.pick(SURNAMES) + rng.pick(GIVEN_CHARS) + (rng.chance(0.7) ? rng.pick(GIVEN_CHARS) : ''),
        rank,
        departmentId: unit.id,
        partyMember: rank === 'STAFF' ? rng.chance(0.8) : true,
        phone,
      };
      cadres.push(cadre);
      if (places.length) {
        const village = places[i % places.length];
        villageLiaisons.push({ id: `L-${pad(linksBefore + villageLiaisons.length + 1, 6)}`, cadreId: cadre.id, divisionCode: village.code, role: 'MEMBER', since: sinceDate(rng) });
      }
      if (i === 0) areaLeads.push({ id: `LA-${pad(areaLeads.length + 1, 6)}`, cadreId: cadre.id, divisionCode: unit.divisionCode, role: 'AREA_LEAD', since: sinceDate(rng) });
    }
  }
  return { cadres, villageLiaisons, areaLeads };
}

/**
 * One newcomer (a STAFF cadre who joined lately, linked to no village yet) in every fourth city
 * and district department, so that the other direction of 两个全覆盖 has someone to show.
 */
function buildNewcomers(rng: Random, departments: readonly DemoDepartment[], cadresBefore: number): DemoCadre[] {
  const phones = new Set<string>();
  return departments.filter((_, i) => i % 4 === 1).map((d, i) => {
    let phone: string;
    // 171 (a real prefix neither the departments' nor the townships' cadres draw): no collisions.
    do phone = '171' + pad(rng.int(0, 99_999_999), 8);
    while (phones.has(phone));
    phones.add(phone);
    return {
      id: `C-${pad(cadresBefore + i + 1, 5)}`,
      name: rng.pick(SURNAMES) + rng.pick(GIVEN_CHARS) + (rng.chance(0.7) ? rng.pick(GIVEN_CHARS) : ''),
      rank: 'STAFF' as const,
      departmentId: d.id,
      partyMember: rng.chance(0.6),
      phone,
      newcomer: true as const,
    };
  });
}

function buildCadres(rng: Random, departments: readonly DemoDepartment[], grassroots: readonly DemoDivision[], perVillage: number): DemoCadre[] {
  // About 1.3 cadres per village/community by default: enough that each can have a liaison and
  // every cadre can have a link (两个全覆盖). A fifth sit in city departments; the rest
  // are spread over the districts in proportion to their villages and communities.
  const total = Math.ceil(grassroots.length * perVillage);
  const cityDepts = departments.filter((d) => d.divisionCode === DEMO_CITY_CODE);
  const perDept = new Map<string, number>();
  let assigned = 0;
  for (const dist of DISTRICTS) {
    const n = grassroots.filter((g) => districtOf(g.code) === dist.code).length;
    const depts = departments.filter((d) => d.divisionCode === dist.code);
    const share = Math.round(n * perVillage * 0.8);
    depts.forEach((d, i) => perDept.set(d.id, Math.floor(share / depts.length) + (i < share % depts.length ? 1 : 0)));
    assigned += share;
  }
  const cityShare = Math.max(cityDepts.length, total - assigned);
  cityDepts.forEach((d, i) => perDept.set(d.id, Math.floor(cityShare / cityDepts.length) + (i < cityShare % cityDepts.length ? 1 : 0)));

  const cadres: DemoCadre[] = [];
  const phones = new Set<string>();
  let cityLevel = 0;
  for (const dept of departments) {
    const isCity = dept.divisionCode === DEMO_CITY_CODE;
    const n = perDept.get(dept.id) ?? 0;
    for (let i = 0; i < n; i++) {
      // The head of a city bureau is county-level (处级), of a district bureau section-level (科级).
      let rank: CadreRank;
      if (i === 0) rank = isCity ? 'COUNTY_LEVEL' : 'SECTION_LEVEL';
      else {
        const r = rng.next();
        if (isCity) rank = r < 0.04 ? 'CITY_LEVEL' : r < 0.16 ? 'COUNTY_LEVEL' : r < 0.42 ? 'SECTION_LEVEL' : 'STAFF';
        else rank = r < 0.04 ? 'COUNTY_LEVEL' : r < 0.24 ? 'SECTION_LEVEL' : 'STAFF';
      }
      if (rank === 'CITY_LEVEL') cityLevel++;
      let phone: string;
      do phone = rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);
      while (phones.has(phone));
      phones.add(phone);
      const given = rng.pick(GIVEN_CHARS) + (rng.chance(0.7) ? rng.pick(GIVEN_CHARS) : '');
      cadres.push({
        id: '',
        name: rng.pick(SURNAMES) + given,
        rank,
        departmentId: dept.id,
        partyMember: rank === 'STAFF' ? rng.chance(0.7) : rng.chance(0.97),
        phone,
      });
    }
  }
  // A city has several leaders (市级领导); at small scales chance alone may give fewer
  // than the dashboards need, so promote city staff until there are three.
  for (const c of cadres) {
    if (cityLevel >= 3) break;
    if (c.rank === 'STAFF' && c.departmentId.startsWith('D-370500-')) {
      c.rank = 'CITY_LEVEL';
      c.partyMember = true;
      cityLevel++;
    }
  }
  cadres.forEach((c, i) => (c.id = `C-${pad(i + 1, 5)}`));
  return cadres;
}

function buildLiaisons(
  rng: Random,
  departments: readonly DemoDepartment[],
  cadres: readonly DemoCadre[],
  grassroots: readonly DemoDivision[],
): DemoVillageLiaison[] {
  const deptDistrict = new Map(departments.map((d) => [d.id, d.divisionCode]));
  const cadreDistrict = (c: DemoCadre): string => deptDistrict.get(c.departmentId) ?? DEMO_CITY_CODE;
  const out: DemoVillageLiaison[] = [];
  const links = new Map<string, number>(); // cadreId → number of links
  const add = (cadre: DemoCadre, divisionCode: string, role: LiaisonRole): void => {
    out.push({ id: '', cadreId: cadre.id, divisionCode, role, since: sinceDate(rng) });
    links.set(cadre.id, (links.get(cadre.id) ?? 0) + 1);
  };

  // About 3% of villages/communities stay without a ranked liaison, so that coverage
  // dashboards have gaps to show.
  const order = rng.shuffle(grassroots);
  const nUncovered = Math.max(1, Math.round(grassroots.length * 0.03));
  const uncovered = order.slice(0, nUncovered);
  const covered = order.slice(nUncovered);

  // LEAD: a county- or section-level cadre from the same district or the city, always a
  // least-loaded one, so that every ranked cadre gets a village before anyone gets two.
  const ranked = rng.shuffle(cadres.filter((c) => c.rank === 'COUNTY_LEVEL' || c.rank === 'SECTION_LEVEL'));
  const cityRanked = ranked.filter((c) => cadreDistrict(c) === DEMO_CITY_CODE);
  const leadPickers = new Map<string, () => DemoCadre | undefined>();
  for (const dist of DISTRICTS) {
    const pool = [...ranked.filter((c) => cadreDistrict(c) === dist.code), ...cityRanked];
    // Rotating cursor over the pool, taking anyone at or below the current load level:
    // the same result as scanning for the minimum, but linear overall (matters at scale 10).
    let cursor = 0;
    let level = 0;
    leadPickers.set(dist.code, () => {
      if (pool.length === 0) return undefined;
      for (;;) {
        for (let k = 0; k < pool.length; k++) {
          const c = pool[(cursor + k) % pool.length];
          if ((links.get(c.id) ?? 0) <= level) {
            cursor = (cursor + k + 1) % pool.length;
            return c;
          }
        }
        level++;
      }
    });
  }
  // Walk covered divisions in code order so the liaison ids follow the map.
  const coveredSorted = covered.slice().sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const div of coveredSorted) {
    const lead = leadPickers.get(districtOf(div.code))?.();
    if (lead) add(lead, div.code, 'LEAD');
  }

  // FIRST_SECRETARY: about 15% of covered villages (村 only) get a stationed staff cadre who
  // has no other link (the post is full-time).
  const freeStaff = rng.shuffle(cadres.filter((c) => c.rank === 'STAFF'));
  const takeFree = (): DemoCadre | undefined => {
    while (freeStaff.length > 0) {
      const c = freeStaff.pop() as DemoCadre;
      if (!links.has(c.id)) return c;
    }
    return undefined;
  };
  for (const div of coveredSorted) {
    if (div.level !== 'VILLAGE' || !rng.chance(0.15)) continue;
    const c = takeFree();
    if (c) add(c, div.code, 'FIRST_SECRETARY');
  }

  // Half of the uncovered places have only a staff member as liaison.
  uncovered.forEach((div, i) => {
    if (i % 2 !== 0) return;
    const c = takeFree();
    if (c) add(c, div.code, 'MEMBER');
  });

  // Every remaining cadre gets one village/community in their own district (city cadres:
  // anywhere), avoiding the deliberately uncovered ones so those stay uncovered.
  const coveredByDistrict = new Map<string, DemoDivision[]>();
  for (const div of coveredSorted) {
    const k = districtOf(div.code);
    const list = coveredByDistrict.get(k);
    if (list) list.push(div);
    else coveredByDistrict.set(k, [div]);
  }
  for (const c of cadres) {
    if (links.has(c.id)) continue;
    const home = cadreDistrict(c);
    const pool = home === DEMO_CITY_CODE ? coveredSorted : coveredByDistrict.get(home) ?? coveredSorted;
    add(c, rng.pick(pool).code, 'MEMBER');
  }

  out.forEach((l, i) => (l.id = `L-${pad(i + 1, 6)}`));
  return out;
}

function buildEnterprises(rng: Random, scale: number, divisions: readonly DemoDivision[], count?: number): DemoEnterprise[] {
  const towns = divisions.filter((d) => d.level === 'TOWNSHIP');
  const childrenOf = new Map<string, DemoDivision[]>();
  for (const d of divisions) {
    if ((d.level === 'VILLAGE' || d.level === 'COMMUNITY') && d.parentCode) {
      const list = childrenOf.get(d.parentCode);
      if (list) list.push(d);
      else childrenOf.set(d.parentCode, [d]);
    }
  }
  const districtName = new Map(DISTRICTS.map((d) => [d.code, d.name]));
  const drawn = about(rng, 40 * scale, 1);
  const n = count ?? drawn;
  if (!Number.isInteger(n) || n < 1) throw new Error(`enterprises must be a positive whole number: ${n}`);
  const names = new Set<string>();
  const codes = new Set<string>();
  const out: DemoEnterprise[] = [];
  const charset = CREDIT_CODE_CHARSET.split('');

  for (let i = 0; i < n; i++) {
    const town = rng.pick(towns);
    const kids = childrenOf.get(town.code) ?? [];
    const divisionCode = kids.length > 0 && rng.chance(0.3) ? rng.pick(kids).code : town.code;
    const districtCode = districtOf(town.code);

    const r = rng.next();
    const category: EnterpriseCategory =
      r < 0.45 ? 'ABOVE_SCALE_INDUSTRIAL' : r < 0.6 ? 'SPECIALIZED_NEW' : r < 0.85 ? 'TECH_SME' : 'OTHER';
    const employees =
      category === 'ABOVE_SCALE_INDUSTRIAL' ? rng.int(80, 3000)
      : category === 'SPECIALIZED_NEW' ? rng.int(50, 800)
      : category === 'TECH_SME' ? rng.int(10, 300)
      : rng.int(5, 200);
    const ind = rng.pick(INDUSTRIES);

    // Registered in the city or the district; both are common in real registrations.
    const place = rng.chance(0.6) ? CITY_NAME : districtName.get(districtCode) ?? CITY_NAME;
    const form = category === 'ABOVE_SCALE_INDUSTRIAL' && rng.chance(0.3) ? '股份有限公司' : '有限公司';
    const name = uniqueName(
      names,
      () => place + rng.pick(BRAND_CHARS) + rng.pick(BRAND_CHARS) + rng.pick(ind.words) + form,
      (k) => `${place}${rng.pick(BRAND_CHARS)}${rng.pick(BRAND_CHARS)}${ind.words[0]}${k}${form}`,
    );

    // 9 = registered by market regulation, 1 = company; then the 6-digit area code.
    let creditCode: string;
    do {
      let org = '';
      for (let k = 0; k < 9; k++) org += rng.pick(charset);
      const first17 = '91' + districtCode.slice(0, 6) + org;
      creditCode = first17 + creditCodeCheckChar(first17);
    } while (codes.has(creditCode));
    codes.add(creditCode);

    out.push({ id: `E-${pad(i + 1, n >= 10_000 ? 5 : 4)}`, creditCode, name, category, industry: ind.industry, employees, divisionCode });
  }
  return out;
}
