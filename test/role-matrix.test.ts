// The role matrix end to end: every role × every mutation of the composed schema and every
// personal-data field, through the gateway and straight to the owning subgraph (as the gateway
// calls it: the caller's token and the gateway's credential), each with its exact outcome; a
// district token never seeing another district (lists, lookups, stats, nested fields,
// `_entities`); and every token the graph must not accept refused with 401 everywhere.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDemoPeople, buildDemoWorld, buildDemoProjects } from '@cadres/demo';
import {
  creditCodeCheckChar,
  devKeyPaths,
  ensureDevKeys,
  idNumberCheckChar,
  maskIdNumber,
  maskPhone,
  readSigningKey,
  signToken,
  subgraphEntries,
  type Viewer,
} from '@cadres/kit';
import { describeEachDatabase, subgraphRequestHeaders, testIssuerKey, testToken, testTokenAudience, testTrust } from '@cadres/kit/src/testing';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type StringValueNode, type EnumValueNode } from 'graphql';
import { In } from 'typeorm';
import { startSupergraph, repoFile, type RunningSupergraph } from './support/supergraph';

// ------------------------------------------------------------------------------ the demo world

/** 10:00 on 1 July 2026 in Beijing: every demo visit lies in the past, every new deadline ahead. */
const NOW = new Date('2026-07-01T02:00:00Z');
const world = buildDemoWorld({ seed: 2023, scale: 1 });
const demo = buildDemoPeople(world);
const { projects } = buildDemoProjects(world, { asOf: '2026-07-01' });

/** The scoped tokens' district (东营区), and the divisions above it. */
const D = '370502000000';
const ABOVE_D = ['370000000000', '370500000000'];
const inD = (code: string | null | undefined) => !!code && code.startsWith(D.slice(0, 6));
const CITY = '370500000000';
const OTHER_DISTRICT = '370503000000';

const deptOf = new Map(world.departments.map((d) => [d.id, d]));
const cadreOf = new Map(world.cadres.map((c) => [c.id, c]));
const cadreDivision = (cadreId: string) => deptOf.get(cadreOf.get(cadreId)!.departmentId)!.divisionCode;
/** A D token sees the departments (and their cadres) of D and of the divisions above it. */
const seesDepartmentAt = (code: string) => inD(code) || ABOVE_D.includes(code);
const seesCadre = (cadreId: string) => seesDepartmentAt(cadreDivision(cadreId));
const residentsOf = (householdId: string) => demo.residents.filter((r) => r.householdId === householdId).sort((a, b) => (a.id < b.id ? -1 : 1));
const householdLinks = (householdId: string) => demo.liaisons.filter((l) => l.targetType === 'Household' && l.targetId === householdId);

/** H: a household of D with tags and 2+ residents with phones, linked to a cadre of a department of D. */
const H = demo.households.find(
  (h) => inD(h.divisionCode) && h.tags.length > 0 && residentsOf(h.id).length >= 2 && residentsOf(h.id).every((r) => r.phone) && householdLinks(h.id).some((l) => inD(cadreDivision(l.cadreId))),
)!;
const members = residentsOf(H.id);
const linkedCadre = cadreOf.get(householdLinks(H.id).find((l) => inD(cadreDivision(l.cadreId)))!.cadreId)!;
/** The DEPARTMENT token's department: the linked cadre's. */
const dept = linkedCadre.departmentId;
/** A cadre of D, of another department, never linked to H. */
const otherCadre = world.cadres.find((c) => inD(cadreDivision(c.id)) && c.departmentId !== dept && !householdLinks(H.id).some((l) => l.cadreId === c.id))!;
/** Where the issues of every row but DEPARTMENT's are assigned: a third department of D (nobody evaluates its own department's work). */
const otherDept = world.departments.find((d) => d.divisionCode === D && d.id !== dept && d.id !== otherCadre.departmentId)!.id;
/** The department updateDepartment renames: one of D no other case uses. */
const renamedDept = world.departments.find((d) => d.divisionCode === D && ![dept, otherDept, otherCadre.departmentId].includes(d.id))!.id;
const villagesOfD = world.divisions.filter((d) => inD(d.code) && (d.level === 'VILLAGE' || d.level === 'COMMUNITY')).map((d) => d.code);
const enterpriseOfD = world.enterprises.find((e) => inD(e.divisionCode))!;
/** A first secretary's link to a village of D, its cadre of a department of D (assessFirstSecretary: one period per case). */
const firstSecretaryOfD = world.villageLiaisons.find((l) => l.role === 'FIRST_SECRETARY' && inD(l.divisionCode) && inD(cadreDivision(l.cadreId)))!;

// ------------------------------------------------------------------------------ the viewers

/** The columns of the matrix. Every scoped token is scoped to D; PARTNER (the 12345 hotline) has no scope. */
const viewers = {
  ADMIN: { sub: 'rm-admin', role: 'ADMIN', scope: null },
  'ADMIN@D': { sub: 'rm-admin-d', role: 'ADMIN', scope: D },
  DEPARTMENT: { sub: 'rm-dept', role: 'DEPARTMENT', scope: D, departmentId: dept },
  'CADRE+H': { sub: 'rm-cadre-linked', role: 'CADRE', scope: D, cadreId: linkedCadre.id },
  'CADRE-H': { sub: 'rm-cadre-other', role: 'CADRE', scope: D, cadreId: otherCadre.id },
  'ANALYST@D': { sub: 'rm-analyst', role: 'ANALYST', scope: D },
  PARTNER: { sub: 'rm-partner', role: 'PARTNER', scope: null },
} satisfies Record<string, Viewer>;
type Column = keyof typeof viewers;
const columns = Object.keys(viewers) as Column[];

// ------------------------------------------------------------------------------ the matrix

/**
 * The expected matrix, one row per mutation of the composed schema and per personal-data field,
 * one column per token (see `viewers`): ADMIN unscoped, ADMIN scoped to D, DEPARTMENT (its
 * departmentId), CADRE linked to household H (+H) and not (-H), ANALYST scoped to D, PARTNER.
 * Each mutation is tried on a target the token's rights reach at best: in D, on an issue the
 * token reported (CADRE, PARTNER) or that is assigned to its department (DEPARTMENT), and for
 * the co-handling steps one its department handles jointly beside another lead; on a demand
 * (四单) the token ordered (CADRE, PARTNER) and, to complete, one it took (its department, its
 * cadre); to deliberate, one another department took.
 *
 *   ok         allowed, and it wrote what it says
 *   NO         FORBIDDEN, and nothing written
 *   <CODE>     refused with that code, and nothing written
 *   plain      the stored value
 *   masked     ID 110105********002X, phone 138****5678
 *   absent     Household.tags is []
 *   null       the object holding it is null (lookups, nested fields, _entities)
 */
const MATRIX = `
                          ADMIN    ADMIN@D  DEPARTMENT  CADRE+H  CADRE-H  ANALYST@D  PARTNER
  registerEnterprise      ok       ok       ok          ok       ok       NO         NO
  registerProject         ok       ok       ok          ok       ok       NO         NO
  reportProjectProgress   ok       ok       ok          ok       ok       NO         NO
  reportIssue             ok       ok       NO          ok       ok       NO         ok
  assignIssue             ok       ok       NO          NO       NO       NO         NO
  acceptIssue             ok       ok       ok          NO       NO       NO         NO
  startIssue              ok       ok       ok          NO       NO       NO         NO
  resolveIssue            ok       ok       ok          NO       NO       NO         NO
  evaluateIssue           ok       ok       NO          ok       ok       NO         ok
  rejectIssue             ok       ok       NO          NO       NO       NO         NO
  extendDeadline          ok       ok       NO          NO       NO       NO         NO
  requestExtension        NO       NO       ok          NO       NO       NO         NO
  decideExtension         ok       ok       NO          NO       NO       NO         NO
  superviseIssue          ok       ok       NO          NO       NO       NO         NO
  addCoHandler            ok       ok       NO          NO       NO       NO         NO
  acceptCoHandling        NO       NO       ok          NO       NO       NO         NO
  reportCoHandling        NO       NO       ok          NO       NO       NO         NO
  recordMeeting           ok       ok       ok          NO       NO       NO         NO
  orderDemand             ok       ok       NO          ok       ok       NO         ok
  openDemand              ok       ok       ok          NO       NO       NO         NO
  takeDemand              ok       ok       ok          ok       ok       NO         NO
  completeDemand          ok       ok       ok          ok       ok       NO         NO
  deliberateDemand        ok       ok       ok          NO       NO       NO         NO
  rate                    ok       ok       NO          ok       ok       NO         ok
  fixOnTheSpot            ok       ok       NO          ok       ok       NO         ok
  registerCadre           ok       ok       NO          NO       NO       NO         NO
  registerDepartment      ok       ok       NO          NO       NO       NO         NO
  updateDepartment        ok       ok       NO          NO       NO       NO         NO
  registerHousehold       ok       ok       ok          NO       NO       NO         NO
  addResident             ok       ok       ok          NO       NO       NO         NO
  linkCadre               ok       ok       NO          NO       NO       NO         NO
  unlinkCadre             ok       ok       NO          NO       NO       NO         NO
  recordVisit             ok       ok       ok          ok       ok       NO         NO
  createCampaign          ok       ok       NO          NO       NO       NO         NO
  updateCampaign          ok       ok       NO          NO       NO       NO         NO
  recordHelp              ok       ok       NO          ok       ok       NO         NO
  assessFirstSecretary    ok       ok       NO          NO       NO       NO         NO
  createPledge            ok       ok       NO          NO       NO       NO         NO
  setPledgeStatus         ok       ok       NO          ok       NO       NO         NO
  Resident.idNumber       plain    plain    masked      plain    masked   masked     null
  Resident.phone          plain    plain    masked      plain    masked   masked     null
  Household.tags          plain    plain    absent      plain    absent   absent     null
  Cadre.phone             plain    plain    plain       plain    plain    masked     null
`;

const PERSONAL = ['Resident.idNumber', 'Resident.phone', 'Household.tags', 'Cadre.phone'] as const;
type Personal = (typeof PERSONAL)[number];
type Read = 'plain' | 'masked' | 'absent' | 'null';

const table: Record<string, Record<Column, string>> = (() => {
  const [header, ...lines] = MATRIX.trim().split('\n').map((l) => l.trim().split(/\s+/));
  expect(header).toEqual(columns);
  return Object.fromEntries(lines.map(([row, ...cells]) => [row, Object.fromEntries(columns.map((c, i) => [c, cells[i]])) as Record<Column, string>]));
})();
const expectedWrite = (mutation: string, column: Column) => ({ ok: 'allowed', NO: 'FORBIDDEN' })[table[mutation][column]] ?? table[mutation][column];
const expectedRead = (field: Personal, column: Column) => table[field][column] as Read;

/** The composed schema's mutations, each with the subgraph that resolves it (its @join__field graph). */
function supergraphMutations(): Record<string, string> {
  const doc = parse(readFileSync(repoFile('schema', 'supergraph.graphql'), 'utf8'));
  const graphs = new Map<string, string>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === 'join__Graph') {
      for (const v of def.values ?? []) {
        const url = v.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name')?.value as StringValueNode;
        graphs.set(v.name.value, url.value);
      }
    }
  }
  const mutation = doc.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Mutation')!;
  const graphOf = (f: FieldDefinitionNode) => {
    const arg = f.directives?.find((d) => d.name.value === 'join__field')?.arguments?.find((a) => a.name.value === 'graph')?.value as EnumValueNode;
    return graphs.get(arg.value)!;
  };
  return Object.fromEntries((mutation.fields ?? []).map((f) => [f.name.value, graphOf(f)]));
}

// ------------------------------------------------------------------------------ the mutations

const idNumbers = new Set(demo.residents.map((r) => r.idNumber));
/** A valid GB 11643 ID number of D, born 1980-01-01, new to the demo world. */
const newIdNumber = (() => {
  let seq = 0;
  return () => {
    for (;;) {
      const first17 = `37050219800101${String(++seq).padStart(3, '0')}`;
      const id = first17 + idNumberCheckChar(first17);
      if (!idNumbers.has(id)) return id;
    }
  };
})();
const creditCodes = new Set(world.enterprises.map((e) => e.creditCode));
const newCreditCode = (n: number) => {
  const first17 = `91370503MA3R${String(n).padStart(5, '0')}`;
  const code = first17 + creditCodeCheckChar(first17);
  if (creditCodes.has(code)) throw new Error(`credit code ${code} is the demo's`);
  return code;
};

type Channel = 'gateway' | 'direct';
const channels: Channel[] = ['gateway', 'direct'];
type Stage = 'REPORTED' | 'ASSIGNED' | 'ACCEPTED' | 'IN_PROGRESS' | 'RESOLVED' | 'EXTENSION_REQUESTED';
/** Where a demand must stand before the attempt. */
type DemandStage = 'ORDERED' | 'OPENED' | 'TAKEN' | 'DONE';
type Row = Record<string, any>;

/** One attempt: a column's token trying one mutation through one channel, on its own target. */
interface Case {
  mutation: string;
  column: Column;
  viewer: Viewer;
  channel: Channel;
  /** 0..13: which column and channel, so that every attempt has its own target. */
  n: number;
  marker: string;
  issue?: { id: string; version: number };
  demand?: { id: string; version: number };
  /** What the attempt sends, filled in before it runs. */
  vars: Record<string, unknown>;
}

/**
 * Every mutation: its document, its variables for a case, where an issue must stand before
 * (`stage`, and `coHandling`: the DEPARTMENT token's department handles it jointly, its part
 * at that status) or a demand (`demandStage`), and whether the case's attempt wrote anything
 * (`wrote`, asked of the database).
 */
interface MutationSpec {
  doc: string;
  stage?: Stage;
  coHandling?: 'ASSIGNED' | 'ACCEPTED';
  demandStage?: DemandStage;
  /** Computed just before the attempt (attempts of one mutation run one after another). */
  vars(c: Case, fx: Fixtures, db: DbProbe): Record<string, unknown> | Promise<Record<string, unknown>>;
  wrote(c: Case, db: DbProbe): Promise<boolean>;
  /** The table a successful attempt adds one row to (for the totals). */
  adds?: string[];
}

/** What the cases need that only the running stack knows. */
interface Fixtures {
  /** Per n: a building unit of D to link the linked cadre to, a household link of D to end, a (cadre, household) pair to rate; a household to add residents to. */
  linkUnit: string[];
  unlinkLiaison: string[];
  ratePair: { cadreId: string; householdId: string }[];
  residentHousehold: string;
  /** A project of D (the demo has none there: registered before the matrix). */
  project: string;
  /** A campaign of D (for updateCampaign). */
  campaign: string;
  /** Per n: a PLANNED pledge of D led by the linked cadre (for setPledgeStatus). */
  pledge: string[];
}

interface DbProbe {
  count(subgraph: string, entity: string, where: Record<string, unknown>): Promise<number>;
  one(subgraph: string, entity: string, where: Record<string, unknown>): Promise<Row | null>;
  issueState(id: string): Promise<string>;
  demandState(id: string): Promise<string>;
}

const issueInput = (marker: string) => ({
  title: marker,
  description: '矩阵测试',
  category: 'INFRASTRUCTURE',
  kind: 'HELP',
  source: 'HOTLINE',
  urgency: 'GENERAL',
  divisionCode: H.divisionCode,
});
const LATER = '2026-09-30T00:00:00Z';
const campaignInput = (name: string) => ({ name, divisionCode: D, from: '2026-01-01', to: '2026-12-31' });
/** A visit of D (found and fixed on the spot). */
const visitOfD = demo.visits.find((v) => inD(v.divisionCode) && v.cadreIds.includes(linkedCadre.id)) ?? demo.visits.find((v) => inD(v.divisionCode))!;
/** A visit of D made by this cadre. */
const visitOf = (cadreId: string) => demo.visits.find((v) => inD(v.divisionCode) && v.cadreIds.includes(cadreId))!;

type Extra = Record<string, unknown> | ((c: Case) => Record<string, unknown>);
const extraOf = (extra: Extra, c: Case) => (typeof extra === 'function' ? extra(c) : extra);
const issueStep = (doc: string, stage: Stage, extra: Extra = {}, more: Partial<MutationSpec> = {}): MutationSpec => ({
  doc,
  stage,
  vars: (c) => ({ id: c.issue!.id, v: c.issue!.version, ...extraOf(extra, c) }),
  // The issue is as prepared (version, status, history, extensions, co-handlers, meetings) unless the attempt wrote.
  wrote: async (c, db) => (await db.issueState(c.issue!.id)) !== (c as Case & { prepared: string }).prepared,
  ...more,
});
const demandStep = (doc: string, demandStage: DemandStage, extra: Extra = {}, more: Partial<MutationSpec> = {}): MutationSpec => ({
  doc,
  demandStage,
  vars: (c) => ({ id: c.demand!.id, v: c.demand!.version, ...extraOf(extra, c) }),
  // The demand is as prepared (version, status, result, scores, takers, history) unless the attempt wrote.
  wrote: async (c, db) => (await db.demandState(c.demand!.id)) !== (c as Case & { prepared: string }).prepared,
  ...more,
});
/** Who takes a demand as the case's token would, at best: its department, its cadre, else the third department of D. */
const ownTaker = (c: Case) =>
  c.viewer.role === 'DEPARTMENT' ? { departmentId: dept, cadreId: null } : c.viewer.role === 'CADRE' ? { departmentId: null, cadreId: c.viewer.cadreId! } : { departmentId: otherDept, cadreId: null };
/** The department added beside an issue's lead: the DEPARTMENT token's, unless it leads it. */
const coDeptOf = (c: Case) => (c.viewer.role === 'DEPARTMENT' ? otherDept : dept);

const mutations: Record<string, MutationSpec> = {
  registerEnterprise: {
    doc: `mutation($cc: ID!, $name: String!, $div: ID!) { registerEnterprise(creditCode: $cc, name: $name, category: TECH_SME, divisionCode: $div) { id } }`,
    vars: (c) => ({ cc: newCreditCode(c.n), name: c.marker, div: enterpriseOfD.divisionCode }),
    wrote: async (c, db) => (await db.count('enterprises', 'Enterprise', { name: c.marker })) > 0,
    adds: ['enterprises.Enterprise'],
  },
  registerProject: {
    doc: `mutation($e: ID!, $name: String!, $site: ID!) { registerProject(enterpriseId: $e, name: $name, level: COUNTY_KEY, siteCode: $site, plannedStart: "2026-01-01", plannedFinish: "2026-12-31") { id } }`,
    vars: (c) => ({ e: enterpriseOfD.id, name: c.marker, site: enterpriseOfD.divisionCode }),
    wrote: async (c, db) => (await db.count('enterprises', 'Project', { name: c.marker })) > 0,
    adds: ['enterprises.Project'],
  },
  reportProjectProgress: {
    doc: `mutation($p: ID!, $note: String!) { reportProjectProgress(projectId: $p, actualProgress: 0.5, note: $note) { id } }`,
    vars: (c, fx) => ({ p: fx.project, note: c.marker }),
    wrote: async (c, db) => (await db.count('enterprises', 'ProjectProgress', { note: c.marker })) > 0,
    adds: ['enterprises.ProjectProgress'],
  },
  reportIssue: {
    doc: `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }`,
    vars: (c) => ({ input: issueInput(c.marker) }),
    wrote: async (c, db) => (await db.count('issues', 'Issue', { title: c.marker })) > 0,
    adds: ['issues.Issue'],
  },
  fixOnTheSpot: {
    doc: `mutation($input: ReportIssueInput!) { fixOnTheSpot(input: $input, feedback: "当场解决") { id } }`,
    // Found and solved during a visit of D; a CADRE reports as itself a fix on a visit it made (fixOnTheSpot refuses someone else's visit).
    vars: (c) => ({ input: { ...issueInput(c.marker), ...(c.viewer.cadreId ? { visitId: visitOf(c.viewer.cadreId).id, reporterId: c.viewer.cadreId } : { visitId: visitOfD.id }) } }),
    wrote: async (c, db) => (await db.count('issues', 'Issue', { title: c.marker })) > 0,
    adds: ['issues.Issue'],
  },
  assignIssue: issueStep(`mutation($id: ID!, $v: Int!, $d: ID!) { assignIssue(id: $id, expectedVersion: $v, departmentId: $d) { id } }`, 'REPORTED', { d: otherDept }),
  acceptIssue: issueStep(`mutation($id: ID!, $v: Int!) { acceptIssue(id: $id, expectedVersion: $v) { id } }`, 'ASSIGNED'),
  startIssue: issueStep(`mutation($id: ID!, $v: Int!) { startIssue(id: $id, expectedVersion: $v) { id } }`, 'ACCEPTED'),
  resolveIssue: issueStep(`mutation($id: ID!, $v: Int!) { resolveIssue(id: $id, expectedVersion: $v, feedback: "已处理") { id } }`, 'IN_PROGRESS'),
  evaluateIssue: issueStep(`mutation($id: ID!, $v: Int!) { evaluateIssue(id: $id, expectedVersion: $v, satisfaction: SATISFIED, solved: true) { id } }`, 'RESOLVED'),
  rejectIssue: issueStep(`mutation($id: ID!, $v: Int!) { rejectIssue(id: $id, expectedVersion: $v, reason: "不属于本级职责") { id } }`, 'REPORTED'),
  extendDeadline: issueStep(`mutation($id: ID!, $v: Int!, $at: DateTime!) { extendDeadline(id: $id, expectedVersion: $v, newDeadline: $at, reason: "需协调") { id } }`, 'ASSIGNED', { at: LATER }),
  requestExtension: issueStep(
    `mutation($id: ID!, $v: Int!, $at: DateTime!) { requestExtension(id: $id, expectedVersion: $v, newDeadline: $at, reason: "需协调供电公司") { id } }`,
    'ASSIGNED',
    { at: LATER },
  ),
  decideExtension: issueStep(`mutation($id: ID!, $v: Int!) { decideExtension(id: $id, expectedVersion: $v, approve: true) { id } }`, 'EXTENSION_REQUESTED'),
  superviseIssue: issueStep(`mutation($id: ID!, $v: Int!) { superviseIssue(id: $id, expectedVersion: $v) { id } }`, 'ASSIGNED'),
  addCoHandler: issueStep(`mutation($id: ID!, $v: Int!, $d: ID!) { addCoHandler(id: $id, expectedVersion: $v, departmentId: $d) { id } }`, 'ASSIGNED', (c) => ({ d: coDeptOf(c) }), {
    adds: ['issues.CoHandler'],
  }),
  // Led by the third department of D, handled jointly by the DEPARTMENT token's (its part ASSIGNED, or ACCEPTED to report).
  acceptCoHandling: issueStep(`mutation($id: ID!, $v: Int!) { acceptCoHandling(id: $id, expectedVersion: $v) { id } }`, 'ASSIGNED', {}, { coHandling: 'ASSIGNED' }),
  reportCoHandling: issueStep(`mutation($id: ID!, $v: Int!) { reportCoHandling(id: $id, expectedVersion: $v, feedback: "已完成本单位部分") { id } }`, 'ASSIGNED', {}, {
    coHandling: 'ACCEPTED',
  }),
  recordMeeting: issueStep(
    `mutation($id: ID!, $v: Int!, $ds: [ID!]!) { recordMeeting(id: $id, expectedVersion: $v, date: "2026-06-30", departmentIds: $ds, decision: "分工协作") { id } }`,
    'ASSIGNED',
    { ds: [dept, otherDept] },
    { adds: ['issues.Meeting'] },
  ),
  orderDemand: {
    doc: `mutation($div: ID!, $title: String!) { orderDemand(divisionCode: $div, title: $title, description: "矩阵测试") { id } }`,
    vars: (c) => ({ div: H.divisionCode, title: c.marker }),
    wrote: async (c, db) => (await db.count('issues', 'Demand', { title: c.marker })) > 0,
    adds: ['issues.Demand'],
  },
  openDemand: demandStep(`mutation($id: ID!, $v: Int!) { openDemand(id: $id, expectedVersion: $v) { id } }`, 'ORDERED'),
  takeDemand: demandStep(
    `mutation($id: ID!, $v: Int!, $d: ID, $k: ID) { takeDemand(id: $id, expectedVersion: $v, departmentId: $d, cadreId: $k) { id } }`,
    'OPENED',
    (c) => ({ d: ownTaker(c).departmentId, k: ownTaker(c).cadreId }),
    { adds: ['issues.DemandTaker'] },
  ),
  // Taken by the case's own taker (ownTaker).
  completeDemand: demandStep(`mutation($id: ID!, $v: Int!) { completeDemand(id: $id, expectedVersion: $v, result: "已办结") { id } }`, 'TAKEN'),
  // Taken and done by the third department of D: nobody deliberates what its own department took.
  deliberateDemand: demandStep(`mutation($id: ID!, $v: Int!) { deliberateDemand(id: $id, expectedVersion: $v, scores: [5, 4, 3]) { id } }`, 'DONE'),
  rate: {
    doc: `mutation($c: ID!, $h: ID!, $comment: String!) { rate(targetType: "Cadre", targetId: $c, raterType: "Household", raterId: $h, score: 5, aspect: CONDUCT, comment: $comment) { id } }`,
    vars: (c, fx) => ({ c: fx.ratePair[c.n].cadreId, h: fx.ratePair[c.n].householdId, comment: c.marker }),
    wrote: async (c, db) => (await db.count('issues', 'Rating', { comment: c.marker })) > 0,
    adds: ['issues.Rating'],
  },
  registerCadre: {
    doc: `mutation($d: ID!, $name: String!) { registerCadre(name: $name, rank: STAFF, departmentId: $d, partyMember: false) { id } }`,
    vars: (c) => ({ d: dept, name: c.marker }),
    wrote: async (c, db) => (await db.count('people', 'Cadre', { name: c.marker })) > 0,
    adds: ['people.Cadre'],
  },
  registerHousehold: {
    doc: `mutation($div: ID!, $name: String!, $id: String!) { registerHousehold(divisionCode: $div, head: { name: $name, idNumber: $id }) { id } }`,
    vars: (c) => ({ div: H.divisionCode, name: c.marker, id: newIdNumber() }),
    wrote: async (c, db) => (await db.count('people', 'Resident', { name: c.marker })) > 0,
    adds: ['people.Household', 'people.Resident'],
  },
  addResident: {
    doc: `mutation($h: ID!, $name: String!, $id: String!) { addResident(householdId: $h, resident: { name: $name, idNumber: $id }) { id } }`,
    vars: (c, fx) => ({ h: fx.residentHousehold, name: c.marker, id: newIdNumber() }),
    wrote: async (c, db) => (await db.count('people', 'Resident', { name: c.marker })) > 0,
    adds: ['people.Resident'],
  },
  linkCadre: {
    doc: `mutation($c: ID!, $v: ID!) { linkCadre(cadreId: $c, targetType: "BuildingUnit", targetId: $v, role: MEMBER) { id } }`,
    vars: (c, fx) => ({ c: linkedCadre.id, v: fx.linkUnit[c.n] }),
    wrote: async (c, db) => (await db.count('people', 'Liaison', { cadreId: linkedCadre.id, targetId: c.vars.v })) > 0,
    adds: ['people.Liaison'],
  },
  unlinkCadre: {
    doc: `mutation($l: ID!) { unlinkCadre(liaisonId: $l) { id } }`,
    vars: (c, fx) => ({ l: fx.unlinkLiaison[c.n] }),
    wrote: async (c, db) => (await db.one('people', 'Liaison', { id: c.vars.l }))!.until != null,
  },
  registerDepartment: {
    doc: `mutation($name: String!, $div: ID!) { registerDepartment(name: $name, divisionCode: $div) { id } }`,
    vars: (c) => ({ name: c.marker, div: D }),
    wrote: async (c, db) => (await db.count('people', 'Department', { name: c.marker })) > 0,
    adds: ['people.Department'],
  },
  updateDepartment: {
    doc: `mutation($id: ID!, $v: Int!, $name: String!) { updateDepartment(id: $id, expectedVersion: $v, name: $name) { id } }`,
    // One department of D, renamed by each attempt allowed: its version as it is now.
    vars: async (c, _, db) => ({ id: renamedDept, v: (await db.one('people', 'Department', { id: renamedDept }))!.version, name: c.marker }),
    wrote: async (c, db) => (await db.one('people', 'Department', { id: renamedDept }))!.version !== c.vars.v,
  },
  createCampaign: {
    doc: `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`,
    vars: (c) => ({ input: campaignInput(c.marker) }),
    wrote: async (c, db) => (await db.count('people', 'Campaign', { name: c.marker })) > 0,
    adds: ['people.Campaign'],
  },
  updateCampaign: {
    doc: `mutation($id: ID!, $v: Int!, $input: CampaignInput!) { updateCampaign(id: $id, expectedVersion: $v, input: $input) { id } }`,
    // The campaign of D registered before the matrix, at its version as it is now.
    vars: async (c, fx, db) => ({ id: fx.campaign, v: (await db.one('people', 'Campaign', { id: fx.campaign }))!.version, input: campaignInput(c.marker) }),
    wrote: async (c, db) => (await db.one('people', 'Campaign', { id: c.vars.id }))!.version !== c.vars.v,
  },
  recordHelp: {
    doc: `mutation($input: HelpInput!) { recordHelp(input: $input) { id } }`,
    // A CADRE for itself, anyone else for the linked cadre; help to the household H (in D).
    vars: (c) => ({ input: { date: '2026-06-30', cadreId: c.viewer.cadreId ?? linkedCadre.id, targetType: 'Household', targetId: H.id, peopleHelped: 1, note: c.marker } }),
    wrote: async (c, db) => (await db.count('people', 'HelpRecord', { note: c.marker })) > 0,
    adds: ['people.HelpRecord'],
  },
  assessFirstSecretary: {
    doc: `mutation($l: ID!, $p: String!) { assessFirstSecretary(liaisonId: $l, period: $p, score: 80) { id } }`,
    // One period per case (one assessment per link and period).
    vars: (c) => ({ l: firstSecretaryOfD.id, p: String(2000 + c.n) }),
    wrote: async (c, db) => (await db.count('people', 'Assessment', { liaisonId: firstSecretaryOfD.id, period: c.vars.p })) > 0,
    adds: ['people.Assessment'],
  },
  createPledge: {
    doc: `mutation($title: String!, $d: ID!, $c: ID!) { createPledge(title: $title, divisionCode: $d, leadCadreId: $c, targetDate: "2026-12-31") { id } }`,
    // Led by the linked cadre, whose department (of D) serves D.
    vars: (c) => ({ title: c.marker, d: D, c: linkedCadre.id }),
    wrote: async (c, db) => (await db.count('people', 'Pledge', { title: c.marker })) > 0,
    adds: ['people.Pledge'],
  },
  setPledgeStatus: {
    doc: `mutation($id: ID!) { setPledgeStatus(id: $id, expectedVersion: 1, status: ONGOING) { id } }`,
    vars: (c, fx) => ({ id: fx.pledge[c.n] }),
    wrote: async (c, db) => (await db.one('people', 'Pledge', { id: c.vars.id }))!.version !== 1,
  },
  recordVisit: {
    doc: `mutation($c: [ID!]!, $v: ID!, $notes: String!) { recordVisit(kind: FORUM, date: "2026-06-30", cadreIds: $c, targetType: "Division", targetId: $v, notes: $notes) { id } }`,
    // A CADRE as itself, anyone else with the linked cadre (of the DEPARTMENT token's department).
    vars: (c) => ({ c: [c.viewer.cadreId ?? linkedCadre.id], v: H.divisionCode, notes: c.marker }),
    wrote: async (c, db) => (await db.count('people', 'Visit', { notes: c.marker })) > 0,
    adds: ['people.Visit'],
  },
};

// ------------------------------------------------------------------------------ helpers

/** Runs `fn` over `items`, at most `width` at a time. */
async function pool<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]);
      }
    }),
  );
  return results;
}

const chunks = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** An outcome: 'allowed', or the error codes. */
const outcomeOf = (body: { data?: any; errors?: { extensions?: { code?: string } }[] }) =>
  body.errors?.length ? body.errors.map((e) => e.extensions?.code ?? 'NO_CODE').join(',') : 'allowed';

/** Every string in a response, for the scope checks. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const ID_MASK = /^\d{6}\*{8}\d{3}[\dX]$/;
const PHONE_MASK = /^\d{3}\*{4}\d{4}$/;

// ------------------------------------------------------------------------------ the test

describeEachDatabase('the role matrix, end to end', (db) => {
  let fed: RunningSupergraph;
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (viewer: Viewer) => {
    const key = JSON.stringify(viewer);
    if (!tokens.has(key)) tokens.set(key, testToken(viewer));
    return tokens.get(key)!;
  };

  /** One operation as `viewer`: to the gateway, or straight to `subgraph` as the gateway would send it. */
  async function send(channel: Channel, viewer: Viewer, subgraph: string, query: string, variables: Record<string, unknown> = {}) {
    const body = JSON.stringify({ query, variables });
    const headers =
      channel === 'gateway' ? { authorization: `Bearer ${await tokenOf(viewer)}` } : await subgraphRequestHeaders(viewer, subgraph, body);
    const url = channel === 'gateway' ? fed.url : fed.subgraphs[subgraph].url;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
  }
  /** The data of an operation through the gateway that must succeed. */
  async function ok(viewer: Viewer, query: string, variables: Record<string, unknown> = {}) {
    const { status, body } = await send('gateway', viewer, '', query, variables);
    if (status !== 200 || body.errors) throw new Error(`${status} ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  const repo = (subgraph: string, entity: string) => fed.subgraphs[subgraph].ds.getRepository<Row>(entity);
  const probe: DbProbe = {
    count: (subgraph, entity, where) => repo(subgraph, entity).countBy(where),
    one: (subgraph, entity, where) => repo(subgraph, entity).findOneBy(where),
    async issueState(id) {
      const issue = await repo('issues', 'Issue').findOneByOrFail({ id });
      const events = await repo('issues', 'IssueEvent').countBy({ issueId: id });
      const extensions = await repo('issues', 'DeadlineExtension').find({ where: { issueId: id }, order: { seq: 'ASC' } });
      const coHandlers = await repo('issues', 'CoHandler').find({ where: { issueId: id }, order: { seq: 'ASC' } });
      const meetings = await repo('issues', 'Meeting').countBy({ issueId: id });
      return JSON.stringify([
        issue.version, issue.status, issue.deadline, issue.supervisionLevel, issue.assigneeId, events, extensions.map((e) => [e.status, e.decidedBy]),
        coHandlers.map((h) => [h.departmentId, h.status, h.feedback]), meetings,
      ]);
    },
    async demandState(id) {
      const demand = await repo('issues', 'Demand').findOneByOrFail({ id });
      const takers = await repo('issues', 'DemandTaker').find({ where: { demandId: id }, order: { seq: 'ASC' } });
      const events = await repo('issues', 'DemandEvent').countBy({ demandId: id });
      return JSON.stringify([demand.version, demand.status, demand.result, demand.scores, takers.map((t) => [t.departmentId, t.cadreId]), events]);
    },
  };

  const prepAdmin: Viewer = { sub: 'rm-prep', role: 'ADMIN', scope: null };
  const prepDept = (departmentId: string): Viewer => ({ sub: `rm-prep-${departmentId}`, role: 'DEPARTMENT', scope: D, departmentId });
  let fixtures: Fixtures;
  /** An issue of D about H, its reporter the linked cadre: the nested paths into personal data. */
  let subjectIssue: string;

  beforeAll(async () => {
    fed = await startSupergraph(db, { now: () => NOW, gateway: { limits: { cost: Number.MAX_SAFE_INTEGER } } });
    const unitDivision = new Map(world.buildings.map((b) => [b.id, b.divisionCode]));
    const linkedUnits = new Set(demo.liaisons.filter((l) => l.cadreId === linkedCadre.id).map((l) => l.targetId));
    // Pairs no rating of 2026 fills yet: each allowed rate adds one row.
    const rated = new Set((await repo('issues', 'Rating').findBy({ aspectKey: 'CONDUCT', period: 2026 })).map((r) => `${r.targetId}/${r.raterId}`));
    const used = new Set<string>();
    const ratePair = demo.liaisons
      .filter((l) => l.targetType === 'Household' && inD(l.divisionCode) && l.targetId !== H.id && seesCadre(l.cadreId))
      .filter((l) => ![linkedCadre.id, otherCadre.id].includes(l.cadreId) && !rated.has(`${l.cadreId}/${l.targetId}`))
      .filter((l) => !used.has(l.targetId) && !!used.add(l.targetId))
      .map((l) => ({ cadreId: l.cadreId, householdId: l.targetId }));
    const rateHouseholds = new Set(ratePair.slice(0, 14).map((p) => p.householdId));
    const unlinkable = demo.liaisons.filter(
      (l) => l.targetType === 'Household' && inD(l.divisionCode) && inD(cadreDivision(l.cadreId)) && ![H.id, ...rateHouseholds].includes(l.targetId) && ![linkedCadre.id, otherCadre.id].includes(l.cadreId),
    );
    fixtures = {
      linkUnit: world.units.filter((u) => inD(unitDivision.get(u.buildingId)) && !linkedUnits.has(u.id)).map((u) => u.id),
      unlinkLiaison: unlinkable.map((l) => l.id),
      ratePair,
      residentHousehold: demo.households.find((h) => inD(h.divisionCode) && h.id !== H.id)!.id,
      project: '',
      campaign: '',
      pledge: [],
    };
    const project = await ok(
      prepAdmin,
      `mutation($e: ID!, $site: ID!) { registerProject(enterpriseId: $e, name: "RM 项目", level: COUNTY_KEY, siteCode: $site, plannedStart: "2026-01-01", plannedFinish: "2026-12-31") { id } }`,
      { e: enterpriseOfD.id, site: enterpriseOfD.divisionCode },
    );
    fixtures.project = project.registerProject.id;
    const campaign = await ok(prepAdmin, `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`, { input: campaignInput('RM 活动') });
    fixtures.campaign = campaign.createCampaign.id;
    const pledges = await ok(
      prepAdmin,
      `mutation($d: ID!, $c: ID!) { ${Array.from({ length: 14 }, (_, n) => `p${n}: createPledge(title: "RM 实事 ${n}", divisionCode: $d, leadCadreId: $c, targetDate: "2026-12-31") { id }`).join(' ')} }`,
      { d: D, c: linkedCadre.id },
    );
    fixtures.pledge = Array.from({ length: 14 }, (_, n) => pledges[`p${n}`].id);
    const subject = await ok(prepAdmin, `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }`, {
      input: { ...issueInput('RM-subject'), subjectType: 'Household', subjectId: H.id, reporterId: linkedCadre.id },
    });
    subjectIssue = subject.reportIssue.id;
  }, 180_000);
  afterAll(() => fed?.stop());

  it('has a row for every mutation of the composed schema, and no other', async () => {
    const composed = supergraphMutations();
    const rows = Object.keys(table).filter((r) => !(PERSONAL as readonly string[]).includes(r));
    expect(rows.sort()).toEqual(Object.keys(composed).sort());
    expect(Object.keys(mutations).sort()).toEqual(Object.keys(composed).sort());
    // The gateway serves exactly those.
    const served = await ok(prepAdmin, `{ __schema { mutationType { fields { name } } } }`);
    expect(served.__schema.mutationType.fields.map((f: { name: string }) => f.name).sort()).toEqual(Object.keys(composed).sort());
  });

  it('gives every token exactly its rights on every mutation, through the gateway and directly, and a refusal writes nothing', async () => {
    const owner = supergraphMutations();
    const cases: (Case & { prepared?: string })[] = [];
    columns.forEach((column, i) =>
      channels.forEach((channel, j) => {
        for (const mutation of Object.keys(mutations)) {
          const n = i * channels.length + j;
          cases.push({ mutation, column, viewer: viewers[column], channel, n, marker: `RM-${mutation}-${n}`, vars: {} });
        }
      }),
    );

    // The issues each step needs, walked there by those whose duty it is. Issues of PARTNER and
    // CADRE columns are reported by the token itself, DEPARTMENT's assigned to its department;
    // the co-handling steps' are led by the third department and handled jointly by DEPARTMENT's.
    const staged = cases.filter((c) => mutations[c.mutation].stage);
    const reporterOf = (c: Case): Viewer => (c.viewer.role === 'PARTNER' || c.viewer.role === 'CADRE' ? c.viewer : prepAdmin);
    const assigneeOf = (c: Case) => (c.viewer.role === 'DEPARTMENT' && !mutations[c.mutation].coHandling ? dept : otherDept);
    const order: Stage[] = ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED'];
    const reaches = (c: Case, stage: Stage) => {
      const s = mutations[c.mutation].stage!;
      return s === 'EXTENSION_REQUESTED' ? order.indexOf(stage) <= 1 : order.indexOf(stage) <= order.indexOf(s);
    };
    /** Sends one step for many cases, 20 aliases a request, grouped by who takes it; `field` may use the variable `$x<i>` of type `input`; the result is the case's issue or demand (`into`). */
    async function step(
      selected: Case[],
      by: (c: Case) => Viewer,
      field: (c: Case, i: number) => string,
      input?: { type: string; value: (c: Case) => unknown },
      into: 'issue' | 'demand' = 'issue',
    ) {
      const groups = new Map<string, Case[]>();
      for (const c of selected) groups.set(JSON.stringify(by(c)), [...(groups.get(JSON.stringify(by(c))) ?? []), c]);
      const requests = [...groups.entries()].flatMap(([viewer, cs]) => chunks(cs, 20).map((chunk) => [JSON.parse(viewer) as Viewer, chunk] as const));
      await pool(requests, 4, async ([viewer, chunk]) => {
        const defs = input ? `(${chunk.map((_, i) => `$x${i}: ${input.type}`).join(', ')})` : '';
        const variables = input ? Object.fromEntries(chunk.map((c, i) => [`x${i}`, input.value(c)])) : {};
        const data = await ok(viewer, `mutation${defs} { ${chunk.map((c, i) => `m${i}: ${field(c, i)} { id version }`).join(' ')} }`, variables);
        chunk.forEach((c, i) => (c[into] = data[`m${i}`]));
      });
    }
    await step(staged, reporterOf, (_, i) => `reportIssue(input: $x${i})`, { type: 'ReportIssueInput!', value: (c) => issueInput(`RM-prep-${c.mutation}-${c.n}`) });
    const issueRef = (c: Case) => `id: "${c.issue!.id}", expectedVersion: ${c.issue!.version}`;
    await step(staged.filter((c) => reaches(c, 'ASSIGNED')), () => prepAdmin, (c) => `assignIssue(${issueRef(c)}, departmentId: "${assigneeOf(c)}")`);
    await step(staged.filter((c) => mutations[c.mutation].stage === 'EXTENSION_REQUESTED'), (c) => prepDept(assigneeOf(c)), (c) => `requestExtension(${issueRef(c)}, newDeadline: "${LATER}", reason: "需协调")`);
    await step(staged.filter((c) => reaches(c, 'ACCEPTED')), (c) => prepDept(assigneeOf(c)), (c) => `acceptIssue(${issueRef(c)})`);
    await step(staged.filter((c) => reaches(c, 'IN_PROGRESS')), (c) => prepDept(assigneeOf(c)), (c) => `startIssue(${issueRef(c)})`);
    await step(staged.filter((c) => reaches(c, 'RESOLVED')), (c) => prepDept(assigneeOf(c)), (c) => `resolveIssue(${issueRef(c)}, feedback: "已处理")`);
    const coHandled = staged.filter((c) => mutations[c.mutation].coHandling);
    await step(coHandled, () => prepAdmin, (c) => `addCoHandler(${issueRef(c)}, departmentId: "${dept}")`);
    await step(coHandled.filter((c) => mutations[c.mutation].coHandling === 'ACCEPTED'), () => prepDept(dept), (c) => `acceptCoHandling(${issueRef(c)})`);
    for (const c of staged) c.prepared = await probe.issueState(c.issue!.id);

    // The demands likewise: ordered by PARTNER and CADRE tokens themselves, else by ADMIN, which opens, takes (as ownTaker
    // for completeDemand, the third department for deliberateDemand) and completes them.
    const demandStaged = cases.filter((c) => mutations[c.mutation].demandStage);
    const demandOrder: DemandStage[] = ['ORDERED', 'OPENED', 'TAKEN', 'DONE'];
    const demandReaches = (c: Case, stage: DemandStage) => demandOrder.indexOf(stage) <= demandOrder.indexOf(mutations[c.mutation].demandStage!);
    const demandRef = (c: Case) => `id: "${c.demand!.id}", expectedVersion: ${c.demand!.version}`;
    const takerOf = (c: Case) => (c.mutation === 'completeDemand' ? ownTaker(c) : { departmentId: otherDept, cadreId: null });
    const takerArgs = (c: Case) => Object.entries(takerOf(c)).filter(([, v]) => v).map(([k, v]) => `${k}: "${v}"`).join(', ');
    await step(demandStaged, reporterOf, (_, i) => `orderDemand(divisionCode: "${H.divisionCode}", title: $x${i}, description: "矩阵测试")`, { type: 'String!', value: (c) => `RM-prep-${c.mutation}-${c.n}` }, 'demand');
    await step(demandStaged.filter((c) => demandReaches(c, 'OPENED')), () => prepAdmin, (c) => `openDemand(${demandRef(c)})`, undefined, 'demand');
    await step(demandStaged.filter((c) => demandReaches(c, 'TAKEN')), () => prepAdmin, (c) => `takeDemand(${demandRef(c)}, ${takerArgs(c)})`, undefined, 'demand');
    await step(demandStaged.filter((c) => demandReaches(c, 'DONE')), () => prepAdmin, (c) => `completeDemand(${demandRef(c)}, result: "已办结")`, undefined, 'demand');
    for (const c of demandStaged) c.prepared = await probe.demandState(c.demand!.id);

    const totals = async () => {
      const tables = [...new Set(Object.values(mutations).flatMap((m) => m.adds ?? []))];
      return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await repo(t.split('.')[0], t.split('.')[1]).count()] as const)));
    };
    const before = await totals();

    // Attempts of one mutation run one after another (they share targets: a project, a household);
    // the mutations run side by side.
    const results = new Map<Case, string>();
    await pool(Object.keys(mutations), 6, async (mutation) => {
      for (const c of cases.filter((x) => x.mutation === mutation)) {
        c.vars = await mutations[mutation].vars(c, fixtures, probe);
        const { body } = await send(c.channel, c.viewer, owner[mutation], mutations[mutation].doc, c.vars);
        let outcome = outcomeOf(body);
        if (outcome === 'allowed' && !body.data?.[mutation]?.id) outcome = `allowed without a result: ${JSON.stringify(body)}`;
        if (outcome !== 'allowed' && body.data != null) outcome += ` with data ${JSON.stringify(body.data)}`;
        // What the attempt wrote, asked of the owner's database before the next one.
        const wrote = await mutations[mutation].wrote(c, probe);
        if (outcome === 'allowed' && !wrote) outcome = 'allowed, but nothing written';
        if (outcome !== 'allowed' && wrote) outcome += ', but written';
        results.set(c, outcome);
      }
    });

    const got: Record<string, Record<string, Record<string, string>>> = {};
    const want: typeof got = {};
    for (const c of cases) {
      ((got[c.channel] ??= {})[c.mutation] ??= {})[c.column] = results.get(c)!;
      ((want[c.channel] ??= {})[c.mutation] ??= {})[c.column] = expectedWrite(c.mutation, c.column);
    }
    expect(got).toEqual(want);

    // And nothing else was added: each table grew by the allowed attempts that add to it.
    const after = await totals();
    const expectedTotals = { ...before };
    for (const c of cases) if (results.get(c) === 'allowed') for (const t of mutations[c.mutation].adds ?? []) expectedTotals[t] += 1;
    expect(after).toEqual(expectedTotals);
  });

  it('shows every token personal data exactly as the table says, through the gateway and directly', async () => {
    const expected = (column: Column) => {
      const view = (field: Personal, plain: string | null) => {
        const read = expectedRead(field, column);
        if (plain == null) return null;
        return read === 'plain' ? plain : read === 'masked' ? (field === 'Resident.idNumber' ? maskIdNumber(plain) : maskPhone(plain)) : undefined;
      };
      const nothing = PERSONAL.filter((f) => f !== 'Cadre.phone').every((f) => expectedRead(f, column) === 'null');
      const tags = expectedRead('Household.tags', column) === 'plain' ? H.tags : [];
      const resident = (m: (typeof members)[number]) => ({ id: m.id, idNumber: view('Resident.idNumber', m.idNumber), phone: view('Resident.phone', m.phone!) });
      const household = nothing ? null : { tags, members: members.map(resident) };
      const cadre = expectedRead('Cadre.phone', column) === 'null' ? null : { phone: view('Cadre.phone', linkedCadre.phone) };
      return { household, residents: members.map((m) => (nothing ? null : resident(m))), cadre };
    };
    const HOUSEHOLD = `tags members { id idNumber phone }`;
    const GATEWAY = `query($h: ID!, $c: ID!, $i: ID!, $v: ID!) {
      household(id: $h) { ${HOUSEHOLD} }
      cadre(id: $c) { phone }
      issue(id: $i) { subject { ... on Household { ${HOUSEHOLD} } } reporter { phone } }
      division(code: $v) { households(first: 500) { nodes { id ${HOUSEHOLD} } } }
    }`;
    const DIRECT = `query($h: ID!, $c: ID!, $r: [_Any!]!) {
      household(id: $h) { ${HOUSEHOLD} }
      cadre(id: $c) { phone }
      _entities(representations: $r) { ... on Household { ${HOUSEHOLD} } ... on Resident { id idNumber phone } ... on Cadre { phone }
        ... on Division { households(first: 500) { nodes { id ${HOUSEHOLD} } } } }
    }`;
    const reps = [
      { __typename: 'Household', id: H.id },
      ...members.map((m) => ({ __typename: 'Resident', id: m.id })),
      { __typename: 'Cadre', id: linkedCadre.id },
      { __typename: 'Division', code: H.divisionCode },
    ];
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    await pool(columns, 4, async (column) => {
      const viewer = viewers[column];
      const e = expected(column);
      const inVillage = (households: { nodes: { id: string }[] } | null) =>
        households && { nodes: households.nodes.filter((n) => n.id === H.id).map(({ id: _, ...rest }) => rest) };
      const gw = await send('gateway', viewer, '', GATEWAY, { h: H.id, c: linkedCadre.id, i: subjectIssue, v: H.divisionCode });
      const readsIssues = viewer.role !== 'PARTNER'; // PARTNER reads only what it reported
      got[`${column} gateway`] = {
        errors: gw.body.errors,
        household: gw.body.data?.household,
        cadre: gw.body.data?.cadre,
        issue: gw.body.data?.issue,
        division: gw.body.data?.division && { households: inVillage(gw.body.data.division.households) },
      };
      want[`${column} gateway`] = {
        errors: undefined,
        household: e.household,
        cadre: e.cadre,
        issue: readsIssues ? { subject: e.household, reporter: e.cadre } : null,
        division: { households: e.household && { nodes: [e.household] } },
      };
      const direct = await send('direct', viewer, 'people', DIRECT, { h: H.id, c: linkedCadre.id, r: reps });
      const [household, ...rest] = direct.body.data?._entities ?? [];
      const [cadre, division] = rest.slice(members.length);
      got[`${column} people`] = {
        errors: direct.body.errors,
        household: direct.body.data?.household,
        cadre: direct.body.data?.cadre,
        _entities: { household, residents: rest.slice(0, members.length), cadre, division: division && { households: inVillage(division.households) } },
      };
      want[`${column} people`] = {
        errors: undefined,
        household: e.household,
        cadre: e.cadre,
        _entities: { household: e.household, residents: e.residents, cadre: e.cadre, division: e.household && { households: { nodes: [e.household] } } },
      };
    });
    expect(got).toEqual(want);
    // The masks keep their shape.
    for (const m of members) {
      expect([maskIdNumber(m.idNumber), maskPhone(m.phone!)]).toEqual([expect.stringMatching(ID_MASK), expect.stringMatching(PHONE_MASK)]);
    }
    expect(maskPhone(linkedCadre.phone)).toMatch(PHONE_MASK);
  });

  // ---------------------------------------------------------------------------- scope

  describe('scope: a token scoped to D never sees another district', () => {
    const scoped = columns.filter((c) => viewers[c].scope === D);
    const outside = (code: string | null | undefined) => !!code && !inD(code);
    const visitPlace = (v: { divisionCode: string | null; targetType: string; targetId: string }) => v.divisionCode ?? (v.targetType === 'Division' ? v.targetId : null);
    const O = OTHER_DISTRICT.slice(0, 6);
    const other = {
      household: demo.households.find((h) => h.divisionCode.startsWith(O))!,
      cadre: world.cadres.find((c) => cadreDivision(c.id).startsWith(O))!,
      department: world.departments.find((d) => d.divisionCode.startsWith(O))!,
      enterprise: world.enterprises.find((e) => e.divisionCode.startsWith(O))!,
      project: projects.find((p) => !inD(p.siteCode))!,
      building: world.buildings.find((b) => b.divisionCode.startsWith(O))!,
      visit: demo.visits.find((v) => visitPlace(v)?.startsWith(O))!,
      village: villagesOf(O)[0],
    };
    function villagesOf(prefix: string) {
      return world.divisions.filter((d) => d.code.startsWith(prefix) && (d.level === 'VILLAGE' || d.level === 'COMMUNITY')).map((d) => d.code);
    }
    const otherResident = residentsOf(other.household.id)[0];
    const otherUnit = world.units.find((u) => u.buildingId === other.building.id)!;
    /** A city cadre with links both in D and elsewhere; a household of D linked to a cadre D does not see. */
    const allLinks = [...world.villageLiaisons.map((l) => ({ ...l, targetType: 'Division', targetId: l.divisionCode })), ...demo.liaisons];
    const cityCadre = world.cadres.find(
      (c) => cadreDivision(c.id) === CITY && allLinks.some((l) => l.cadreId === c.id && inD(l.divisionCode)) && allLinks.some((l) => l.cadreId === c.id && outside(l.divisionCode)),
    )!;
    const mixedHousehold =
      demo.households.find((h) => inD(h.divisionCode) && householdLinks(h.id).some((l) => !seesCadre(l.cadreId)) && householdLinks(h.id).some((l) => seesCadre(l.cadreId))) ??
      demo.households.find((h) => inD(h.divisionCode) && householdLinks(h.id).some((l) => !seesCadre(l.cadreId)))!;
    const mixedLinksSeen = householdLinks(mixedHousehold.id).filter((l) => seesCadre(l.cadreId)).map((l) => l.id).sort();

    /** What a D token must never be shown: ids and codes of everything that lies elsewhere. */
    let foreign: Set<string>;
    let issueOutside: { id: string; ref: string };
    let issuesInD: number;
    beforeAll(async () => {
      const issues = await repo('issues', 'Issue').find({ select: { id: true, ref: true, divisionCode: true } });
      issueOutside = issues.find((i) => i.divisionCode.startsWith(O)) as { id: string; ref: string };
      issuesInD = issues.filter((i) => inD(i.divisionCode)).length;
      foreign = new Set([
        ...world.divisions.filter((d) => outside(d.code) && !ABOVE_D.includes(d.code)).map((d) => d.code),
        ...demo.households.filter((h) => outside(h.divisionCode)).flatMap((h) => [h.id, ...residentsOf(h.id).flatMap((r) => [r.id, r.idNumber])]),
        ...demo.visits.filter((v) => outside(visitPlace(v))).map((v) => v.id),
        ...world.cadres.filter((c) => !seesCadre(c.id)).map((c) => c.id),
        ...world.departments.filter((d) => !seesDepartmentAt(d.divisionCode)).map((d) => d.id),
        // A link lies at its target and goes with its cadre.
        ...allLinks.filter((l) => outside(l.divisionCode) || !seesCadre(l.cadreId)).map((l) => l.id),
        ...world.enterprises.filter((e) => outside(e.divisionCode)).flatMap((e) => [e.id, e.creditCode]),
        ...projects.filter((p) => outside(p.siteCode)).map((p) => p.id),
        ...world.buildings.filter((b) => outside(b.divisionCode)).map((b) => b.id),
        ...world.units.filter((u) => outside(world.buildings.find((b) => b.id === u.buildingId)!.divisionCode)).map((u) => u.id),
        ...issues.filter((i) => outside(i.divisionCode)).flatMap((i) => [i.id, i.ref]),
      ]);
    });
    /** The foreign strings in a response (none, for a D token). */
    const leaks = (body: unknown, echoed: readonly string[] = []) =>
      [...new Set(strings(body).filter((s) => !echoed.includes(s) && (foreign.has(s) || (/^\d{12}$/.test(s) && outside(s) && !ABOVE_D.includes(s)))))];

    const TARGET = `__typename ... on Division { code } ... on Household { id } ... on BuildingUnit { id } ... on Enterprise { id } ... on Project { id }`;
    const GATEWAY_LOOKUPS = `query($oh: ID!, $oi: ID!, $oref: String!, $oe: ID!, $occ: ID!, $op: ID!, $oc: ID!, $od: ID!, $odist: ID!, $city: ID!, $ob: ID!, $ou: ID!) {
      household(id: $oh) { id } issue(id: $oi) { id } issueByRef: issue(ref: $oref) { id } enterprise(id: $oe) { id } enterpriseByCode: enterprise(creditCode: $occ) { id }
      project(id: $op) { id } cadre(id: $oc) { id } department(id: $od) { id } division(code: $odist) { code } city: division(code: $city) { code }
      building(id: $ob) { id } buildingUnit(id: $ou) { id } }`;
    const GATEWAY_LISTS = `query($city: ID!, $odist: ID!) {
      issues(first: 500) { totalCount nodes { id ref division { code } reporter { id } assignee { id } visit { id }
        subject { __typename ... on Household { id division { code } members { id } } ... on Enterprise { id division { code } } ... on Project { id site { code } } ... on Division { code } } } }
      cityStats: issueStats(divisionCode: $city) { total }
      otherStats: issueStats(divisionCode: $odist) { total }
      otherIssues: issues(divisionCode: $odist) { totalCount nodes { id } }
      enterprises(first: 500) { totalCount nodes { id creditCode division { code } projects { id site { code } } liaisons { id cadre { id } } issues { totalCount nodes { id } } } }
      otherEnterprises: enterprises(divisionCode: $odist) { totalCount nodes { id } }
      cadres(first: 500) { totalCount nodes { id department { id divisionCode } liaisons { id target { ${TARGET} } }
        visits(first: 100) { totalCount nodes { id target { ${TARGET} } cadres { id } } } reportedIssues { totalCount nodes { id } } } }
      divisions(first: 500) { totalCount nodes { code } } }`;
    const GATEWAY_NESTED = `query($D: ID!, $mixed: ID!, $cityCadre: ID!, $cityDept: ID!) {
      district: division(code: $D) { code parent { code } ancestors { code } issueStats { total } coverage { households } issues(first: 500) { totalCount nodes { id } }
        enterprises(first: 500) { totalCount nodes { id } } projects(first: 500) { totalCount nodes { id } } liaisons { id cadre { id } }
        households(first: 500) { totalCount nodes { id division { code } members { id } liaisons { id cadre { id } } visits(first: 100) { nodes { id cadres { id } } } } }
        children(first: 500) { nodes { code households { totalCount } issueStats { total } enterprises { totalCount } liaisons { id cadre { id } } } } }
      mixed: household(id: $mixed) { liaisons { id cadre { id } } visits(first: 100) { nodes { id cadres { id } } } }
      cityCadre: cadre(id: $cityCadre) { liaisons { id target { ${TARGET} } } visits(first: 500) { totalCount nodes { id target { ${TARGET} } cadres { id } } } }
      cityDept: department(id: $cityDept) { cadres(first: 500) { nodes { id liaisons { id } visits(first: 100) { nodes { id } } } } } }`;
    const lookupVars = () => ({
      oh: other.household.id, oi: issueOutside.id, oref: issueOutside.ref, oe: other.enterprise.id, occ: other.enterprise.creditCode, op: other.project.id,
      oc: other.cadre.id, od: other.department.id, odist: OTHER_DISTRICT, city: CITY, ob: other.building.id, ou: otherUnit.id,
    });
    const nestedVars = { D, mixed: mixedHousehold.id, cityCadre: cityCadre.id, cityDept: cityCadre.departmentId };
    const count = (subgraph: string, entity: string) => repo(subgraph, entity).find().then((rows) => rows.filter((r) => inD(r.divisionCode)).length);

    it('through the gateway: lookups are null, lists, stats and nested fields hold D alone', async () => {
      const [enterprisesInD, householdsInD] = await Promise.all([count('enterprises', 'Enterprise'), count('people', 'Household')]);
      const got: Record<string, unknown> = {};
      const want: Record<string, unknown> = {};
      await pool(scoped, 3, async (column) => {
        const viewer = viewers[column];
        const [lookups, lists, nested] = await Promise.all([
          send('gateway', viewer, '', GATEWAY_LOOKUPS, lookupVars()),
          send('gateway', viewer, '', GATEWAY_LISTS, { city: CITY, odist: OTHER_DISTRICT }),
          send('gateway', viewer, '', GATEWAY_NESTED, nestedVars),
        ]);
        const l = lists.body.data;
        const n = nested.body.data;
        got[column] = {
          errors: [lookups, lists, nested].flatMap((r) => r.body.errors ?? []),
          lookups: lookups.body.data,
          leaks: leaks([lookups.body, lists.body, nested.body]),
          counts: {
            issues: l?.issues.totalCount, cityStats: l?.cityStats.total, districtStats: n?.district.issueStats.total, districtIssues: n?.district.issues.totalCount,
            otherStats: l?.otherStats.total, otherIssues: l?.otherIssues.totalCount, enterprises: l?.enterprises.totalCount, districtEnterprises: n?.district.enterprises.totalCount,
            otherEnterprises: l?.otherEnterprises.totalCount, households: n?.district.households.totalCount, coverage: n?.district.coverage?.households,
          },
          seen: { cityCadreVisits: n?.cityCadre.visits.totalCount > 0, mixedLinks: n?.mixed.liaisons.map((x: { id: string }) => x.id).sort(), cadres: l?.cadres.totalCount > 0 },
        };
        want[column] = {
          errors: [],
          lookups: Object.fromEntries(Object.keys(lookups.body.data ?? {}).map((k) => [k, null])),
          leaks: [],
          counts: {
            issues: issuesInD, cityStats: issuesInD, districtStats: issuesInD, districtIssues: issuesInD, otherStats: 0, otherIssues: 0,
            enterprises: enterprisesInD, districtEnterprises: enterprisesInD, otherEnterprises: 0, households: householdsInD, coverage: householdsInD,
          },
          seen: { cityCadreVisits: true, mixedLinks: mixedLinksSeen, cadres: true },
        };
        expect(Object.keys(lookups.body.data ?? {})).toHaveLength(12);
      });
      expect(got).toEqual(want);
      // The same questions unscoped reach the other districts: the checks above are not empty.
      const [lists, nested] = await Promise.all([
        send('gateway', viewers.ADMIN, '', GATEWAY_LISTS, { city: CITY, odist: OTHER_DISTRICT }),
        send('gateway', viewers.ADMIN, '', GATEWAY_NESTED, nestedVars),
      ]);
      expect(leaks(lists.body).length).toBeGreaterThan(100);
      expect(leaks(nested.body).length).toBeGreaterThan(0);
    });

    /** Per subgraph: an operation with `_entities` of what lies elsewhere, lookups (null) and lists, and the counts it must answer. */
    interface DirectOp {
      query: string;
      variables: Record<string, unknown> & { r: Record<string, string>[] };
      lookups: string[];
      counts(data: any): unknown;
    }
    const direct = (): Record<string, DirectOp> => ({
      people: {
        query: `query($r: [_Any!]!, $oh: ID!, $oc: ID!, $od: ID!, $mixed: ID!, $cityCadre: ID!) {
          household(id: $oh) { id } cadre(id: $oc) { id } department(id: $od) { id }
          mixed: household(id: $mixed) { liaisons { id cadre { id } } visits(first: 100) { nodes { id cadres { id } } } }
          cityCadre: cadre(id: $cityCadre) { liaisons { id target { ${TARGET} } } visits(first: 500) { totalCount nodes { id target { ${TARGET} } cadres { id } } } }
          cadres(first: 500) { totalCount nodes { id department { id } liaisons { id } visits(first: 100) { nodes { id } } } }
          _entities(representations: $r) { __typename ... on Household { id members { id } } ... on Resident { id } ... on Cadre { id } ... on Department { id } ... on Visit { id }
            ... on Division { code households { totalCount nodes { id } } liaisons { id } } ... on BuildingUnit { id liaisons { id } } ... on Enterprise { id liaisons { id } } ... on Project { id liaisons { id } } } }`,
        variables: {
          oh: other.household.id, oc: other.cadre.id, od: other.department.id, mixed: mixedHousehold.id, cityCadre: cityCadre.id,
          r: [
            { __typename: 'Household', id: other.household.id },
            { __typename: 'Resident', id: otherResident.id },
            { __typename: 'Cadre', id: other.cadre.id },
            { __typename: 'Department', id: other.department.id },
            { __typename: 'Visit', id: other.visit.id },
            { __typename: 'Division', code: OTHER_DISTRICT },
            { __typename: 'Division', code: other.village },
            { __typename: 'BuildingUnit', id: otherUnit.id },
            { __typename: 'Enterprise', id: other.enterprise.id },
            { __typename: 'Project', id: other.project.id },
          ],
        },
        lookups: ['household', 'cadre', 'department'],
        counts: (d) => ({ mixedLinks: d?.mixed.liaisons.map((x: { id: string }) => x.id).sort(), cityCadreVisits: d?.cityCadre.visits.totalCount > 0, cadres: d?.cadres.totalCount > 0 }),
      },
      issues: {
        query: `query($r: [_Any!]!, $oi: ID!, $oref: String!, $city: ID!, $odist: ID!) {
          issue(id: $oi) { id } byRef: issue(ref: $oref) { id }
          issues(first: 500) { totalCount nodes { id ref division { code } } }
          cityStats: issueStats(divisionCode: $city) { total } otherStats: issueStats(divisionCode: $odist) { total }
          _entities(representations: $r) { __typename ... on Issue { id } ... on Division { code issueStats { total } issues { totalCount nodes { id } } }
            ... on Enterprise { id issues { totalCount nodes { id } } } ... on Project { id issues { totalCount nodes { id } } }
            ... on Cadre { id reportedIssues { totalCount nodes { id } } } ... on Visit { id raisedIssues { id } } } }`,
        variables: {
          oi: issueOutside.id, oref: issueOutside.ref, city: CITY, odist: OTHER_DISTRICT,
          r: [
            { __typename: 'Issue', id: issueOutside.id },
            { __typename: 'Division', code: OTHER_DISTRICT },
            { __typename: 'Division', code: other.village },
            { __typename: 'Enterprise', id: other.enterprise.id },
            { __typename: 'Project', id: other.project.id },
            { __typename: 'Cadre', id: other.cadre.id },
            { __typename: 'Visit', id: other.visit.id },
          ],
        },
        lookups: ['issue', 'byRef'],
        counts: (d) => ({ issues: d?.issues.totalCount, cityStats: d?.cityStats.total, otherStats: d?.otherStats.total }),
      },
      enterprises: {
        query: `query($r: [_Any!]!, $oe: ID!, $occ: ID!, $op: ID!, $odist: ID!) {
          enterprise(id: $oe) { id } byCode: enterprise(creditCode: $occ) { id } project(id: $op) { id }
          enterprises(first: 500) { totalCount nodes { id creditCode division { code } projects { id site { code } } } }
          other: enterprises(divisionCode: $odist) { totalCount nodes { id } }
          _entities(representations: $r) { __typename ... on Enterprise { id } ... on Project { id }
            ... on Division { code enterprises { totalCount nodes { id } } projects { totalCount nodes { id } } } } }`,
        variables: {
          oe: other.enterprise.id, occ: other.enterprise.creditCode, op: other.project.id, odist: OTHER_DISTRICT,
          r: [
            { __typename: 'Enterprise', id: other.enterprise.id },
            { __typename: 'Enterprise', creditCode: other.enterprise.creditCode },
            { __typename: 'Project', id: other.project.id },
            { __typename: 'Division', code: OTHER_DISTRICT },
            { __typename: 'Division', code: other.village },
          ],
        },
        lookups: ['enterprise', 'byCode', 'project'],
        counts: (d) => ({ enterprises: d?.enterprises.totalCount, other: d?.other.totalCount }),
      },
      places: {
        query: `query($r: [_Any!]!, $odist: ID!, $ob: ID!, $ou: ID!) {
          division(code: $odist) { code } building(id: $ob) { id } buildingUnit(id: $ou) { id }
          divisions(first: 500) { totalCount nodes { code } }
          _entities(representations: $r) { __typename ... on Division { code } ... on Building { id } ... on BuildingUnit { id } } }`,
        variables: {
          odist: OTHER_DISTRICT, ob: other.building.id, ou: otherUnit.id,
          r: [
            { __typename: 'Division', code: OTHER_DISTRICT },
            { __typename: 'Division', code: other.village },
            { __typename: 'Building', id: other.building.id },
            { __typename: 'BuildingUnit', id: otherUnit.id },
          ],
        },
        lookups: ['division', 'building', 'buildingUnit'],
        counts: (d) => ({ divisions: d?.divisions.totalCount }),
      },
    });

    /**
     * What a D token gets for the representations of `direct()`: null for every type the subgraph
     * owns (and for people, a Division); on a type it only extends, the caller's own key with
     * nothing of the other district (no links, no issues, zero stats).
     */
    const entitiesOutside = (): Record<string, unknown[]> => {
      const noIssues = { totalCount: 0, nodes: [] };
      return {
        people: [null, null, null, null, null, null, null,
          { __typename: 'BuildingUnit', id: otherUnit.id, liaisons: [] },
          { __typename: 'Enterprise', id: other.enterprise.id, liaisons: [] },
          { __typename: 'Project', id: other.project.id, liaisons: [] }],
        issues: [null,
          { __typename: 'Division', code: OTHER_DISTRICT, issueStats: { total: 0 }, issues: noIssues },
          { __typename: 'Division', code: other.village, issueStats: { total: 0 }, issues: noIssues },
          { __typename: 'Enterprise', id: other.enterprise.id, issues: noIssues },
          { __typename: 'Project', id: other.project.id, issues: noIssues },
          { __typename: 'Cadre', id: other.cadre.id, reportedIssues: noIssues },
          { __typename: 'Visit', id: other.visit.id, raisedIssues: [] }],
        enterprises: [null, null, null, null, null],
        places: [null, null, null, null],
      };
    };

    it('straight to each subgraph: _entities of what lies elsewhere are null or empty, lookups null, lists and stats D alone', async () => {
      const ops = direct();
      const enterprisesInD = await count('enterprises', 'Enterprise');
      const wantCounts: Record<string, unknown> = {
        people: { mixedLinks: mixedLinksSeen, cityCadreVisits: true, cadres: true },
        issues: { issues: issuesInD, cityStats: issuesInD, otherStats: 0 },
        enterprises: { enterprises: enterprisesInD, other: 0 },
        places: { divisions: world.divisions.filter((d) => inD(d.code)).length },
      };
      const got: Record<string, unknown> = {};
      const want: Record<string, unknown> = {};
      await pool(scoped.flatMap((column) => Object.keys(ops).map((subgraph) => [column, subgraph] as const)), 6, async ([column, subgraph]) => {
        const op = ops[subgraph];
        const { status, body } = await send('direct', viewers[column], subgraph, op.query, op.variables);
        // The keys the caller sent come back on the types the subgraph only extends: nothing else of there does.
        const echoed = strings(op.variables.r);
        got[`${column} ${subgraph}`] = {
          status, errors: body.errors, leaks: leaks(body, echoed), _entities: body.data?._entities,
          lookups: Object.fromEntries(op.lookups.map((k) => [k, body.data?.[k]])), counts: op.counts(body.data),
        };
        want[`${column} ${subgraph}`] = {
          status: 200, errors: undefined, leaks: [], _entities: entitiesOutside()[subgraph],
          lookups: Object.fromEntries(op.lookups.map((k) => [k, null])), counts: wantCounts[subgraph],
        };
      });
      expect(got).toEqual(want);
      // Unscoped, the same operations reach the other districts: the checks above are not empty.
      for (const [subgraph, op] of Object.entries(ops)) {
        const { body } = await send('direct', viewers.ADMIN, subgraph, op.query, op.variables);
        expect([subgraph, leaks(body, strings(op.variables.r)).length > 0]).toEqual([subgraph, true]);
      }
    });
  });

  // ---------------------------------------------------------------------------- tokens

  describe('tokens the graph must not accept', () => {
    let dataDir: string;
    afterAll(() => dataDir && rmSync(dataDir, { recursive: true, force: true }));

    /** Every file under `dir`, recursively. */
    const filesIn = (dir: string): string[] =>
      existsSync(dir) ? readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? filesIn(path.join(dir, f)) : [path.join(dir, f)])) : [];

    /** Bad tokens by name: HS256 with each key file's content as the secret, and the other ways a token is not the graph's. */
    async function badTokens(): Promise<Record<string, string>> {
      // The test stack keeps its keys in memory; its DATA_DIR may hold development keys of an
      // earlier run. Development keys for this stack's services, made now, stand in for them too.
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'rm-keys-'));
      await ensureDevKeys(dataDir, ['gateway', ...subgraphEntries().map((e) => e.name)]);
      const keyFiles = [...filesIn(path.join(dataDir, 'keys')), ...filesIn(path.join(os.tmpdir(), 'cadres-test', 'keys'))];
      expect(keyFiles.length).toBeGreaterThanOrEqual(3);
      const issuer = await testIssuerKey();
      // The issuer's public key in each form a verifier might be fooled into using as an HMAC secret.
      const issuerPublic = await exportJWK(issuer.key).then(({ d: _d, ...pub }) => pub);
      const { createPublicKey } = await import('node:crypto');
      const issuerSpki = await exportSPKI(createPublicKey({ key: issuerPublic as never, format: 'jwk' }) as never);
      const claims = { role: 'ADMIN' };
      const hs256 = (secret: string | Uint8Array) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256', kid: issuer.kid, typ: 'JWT' })
          .setSubject('forger')
          .setIssuer(testTokenAudience.issuer)
          .setAudience(testTokenAudience.audience)
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(typeof secret === 'string' ? new TextEncoder().encode(secret) : secret);
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const admin: Viewer = { sub: 'forger', role: 'ADMIN', scope: null };
      const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const devIssuer = await readSigningKey(devKeyPaths(dataDir).tokenKey);
      const tokens: Record<string, string> = {};
      for (const file of keyFiles) tokens[`HS256 with ${path.relative(os.tmpdir(), file)}`] = await hs256(readFileSync(file));
      Object.assign(tokens, {
        'HS256 with the issuer public JWK': await hs256(JSON.stringify(issuerPublic)),
        'HS256 with the issuer public key (PEM)': await hs256(issuerSpki),
        'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: 'forger', iss: testTokenAudience.issuer, aud: testTokenAudience.audience, iat: now, exp: now + 3600 })}.`,
        'alg none, signature kept': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: 'forger', iss: testTokenAudience.issuer, aud: testTokenAudience.audience, exp: now + 3600 })}.${(await testToken(admin)).split('.')[2]}`,
        expired: await signToken(admin, issuer, testTokenAudience, now - 3600),
        'without exp': await new SignJWT(claims).setProtectedHeader({ alg: issuer.alg, kid: issuer.kid }).setSubject('forger').setIssuer(testTokenAudience.issuer).setAudience(testTokenAudience.audience).sign(issuer.key),
        'another issuer': await signToken(admin, issuer, { ...testTokenAudience, issuer: 'https://idp.elsewhere.example' }),
        'another audience': await signToken(admin, issuer, { ...testTokenAudience, audience: 'another-graph' }),
        'an unknown key under the issuer kid': await signToken(admin, { kid: issuer.kid, alg: 'EdDSA', key: stranger.privateKey }, testTokenAudience),
        'the development issuer key of a DATA_DIR': await signToken(admin, devIssuer, testTokenAudience),
      });
      return tokens;
    }

    it('are UNAUTHENTICATED (401) at the gateway and at every subgraph, even with the gateway credential for them', async () => {
      const tokens = await badTokens();
      const gatewayTrust = await testTrust('gateway');
      const body = JSON.stringify({ query: '{ __typename }' });
      const targets = ['gateway', ...Object.keys(fed.subgraphs)];
      const attempt = async (target: string, token: string) => {
        const authorization = `Bearer ${token}`;
        const headers: Record<string, string> = { 'content-type': 'application/json', authorization };
        // Straight to a subgraph, as if the gateway had let it through: only the token is wrong.
        if (target !== 'gateway') headers['x-service-credential'] = await gatewayTrust.credentials.sign(target, body, authorization);
        const res = await fetch(target === 'gateway' ? fed.url : fed.subgraphs[target].url, { method: 'POST', headers, body });
        const answer = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        const codes = answer.errors?.map((e) => e.extensions?.code).join(',');
        return `${res.status} ${codes ?? 'answered'}${codes && answer.data !== undefined ? ' with data' : ''}`;
      };
      const got: Record<string, Record<string, string>> = {};
      const want: typeof got = {};
      const pairs = Object.entries(tokens).flatMap(([name, token]) => targets.map((target) => [name, token, target] as const));
      await pool(pairs, 8, async ([name, token, target]) => {
        (got[name] ??= {})[target] = await attempt(target, token);
        (want[name] ??= {})[target] = '401 UNAUTHENTICATED';
      });
      expect(got).toEqual(want);
      // A good token through the same doors is answered: the 401s are the tokens'.
      const good = await testToken(viewers.ADMIN);
      expect(Object.fromEntries(await Promise.all(targets.map(async (t) => [t, await attempt(t, good)] as const)))).toEqual(
        Object.fromEntries(targets.map((t) => [t, '200 answered'])),
      );
    });
  });
});
