// Who may read and change what in the people subgraph: the whole role matrix, in one table.
import { forbidden, inScope, maskIdNumber, maskPhone, parseDivisionCode, subtreeRange, type Role, type SubgraphContext, type Viewer } from '@cadres/kit';

/**
 * The role matrix. Every role is confined to its token's scope subtree (a null scope is
 * everywhere): outside it, data is absent from lists, null for lookups (`_entities` included),
 * and writes are FORBIDDEN. Where each thing lies:
 * - a household, its residents and tags: the household's village or community;
 * - a liaison or visit: its target's division (a visit to a district or township: that code);
 * - a department: the division it serves, and its cadres with it. A city department serves
 *   every district in the city, so a district's scope sees it (and of its cadres' links and
 *   visits only those in the district); a sibling district's departments and cadres it never
 *   sees, nor the links and visits they make in its district (a link goes with its cadre).
 *
 * Personal data (PIPL, ../../shared/domain.md): residents' ID numbers and phones and households'
 * tags. `personal`: 'plain' shows them, 'linked' only for households the caller's cadre is
 * actively linked to, 'masked' never (ID 110105********002X, phone 138****5678, tags []).
 * Every unmasked ID number read is audited (audit.ts). A cadre's phone is a work contact, not
 * a resident's personal data: `cadrePhone`.
 *
 * `byTag`: Division.households(tag:) answers its rows only to those who see tags; the others
 * get the aggregate (totalCount) with no rows, since the rows would reveal the tag. Likewise
 * Division.householdTags (per tag: households, linked, visited) is counts only: every reader gets it.
 *
 * Writes (always in scope, every stored id checked to exist and to lie in scope):
 * - registerCadre: ADMIN, into a department that lies in its scope (not merely serves it). A
 *   township's own office (党工委/组织办) is ADMIN with the township as its scope: it registers
 *   the cadres of the township's units (departments at the township), links and unlinks them,
 *   and nothing outside the township; a unit itself (DEPARTMENT) enrols and links nobody.
 * - registerHousehold, addResident: ADMIN and DEPARTMENT (the office that keeps the register);
 *   a DEPARTMENT writes what it then reads masked.
 * - linkCadre, unlinkCadre: ADMIN only (duties apart: nobody links itself). An AREA_LEAD (包片)
 *   link lies at its township, as a visit to a township does.
 * - assessFirstSecretary: ADMIN, for a FIRST_SECRETARY link lying in its scope (the township's
 *   or a higher office's assessment); nobody assesses through another role.
 * - createPledge: ADMIN, for a division in its scope, led by a cadre it sees whose department
 *   serves that division (so whoever sees a pledge sees its lead cadre).
 * - setPledgeStatus: ADMIN for a pledge lying in its scope; a CADRE only for a pledge it leads.
 * - recordVisit: ADMIN; a DEPARTMENT for visits made only by its own cadres (departmentId); a
 *   CADRE only when it is one of the visit's cadres (cadreId). Every cadre must be in scope.
 * - registerDepartment, updateDepartment: ADMIN, for a department lying in its scope; the
 *   leader must be a cadre it sees.
 * - createCampaign, updateCampaign: ADMIN, for a campaign run by a division in its scope; every
 *   participating department one it sees, serving the campaign's division (in it or above it).
 * - recordHelp: ADMIN for a cadre it sees; a CADRE only for itself (cadreId). The target in scope.
 * - idNumberReads (the audit log): ADMIN reads it (in its scope); nobody changes it.
 *
 * A campaign is seen where it runs, as a department is (in the scope, or above it). Activity
 * figures and rankings of a division are read in scope like coverage (null outside it); a
 * department's figures count only the visits and help records lying in the reader's scope.
 * ANALYST reads (masked) and writes nothing; PARTNER (the 12345 hotline) reads and writes
 * nothing here: no department, cadre, household, resident, liaison or visit, no coverage.
 */
const reads = {
  ADMIN:      { read: true,  personal: 'plain',  byTag: 'rows',  cadrePhone: 'plain',  audit: true },
  DEPARTMENT: { read: true,  personal: 'masked', byTag: 'count', cadrePhone: 'plain',  audit: false },
  CADRE:      { read: true,  personal: 'linked', byTag: 'count', cadrePhone: 'plain',  audit: false },
  ANALYST:    { read: true,  personal: 'masked', byTag: 'count', cadrePhone: 'masked', audit: false },
  PARTNER:    { read: false, personal: 'masked', byTag: 'count', cadrePhone: 'masked', audit: false },
} as const satisfies Record<Role, ReadPolicy>;

const writes = {
  ADMIN:      { registerCadre: 'any',  registerHousehold: 'any',  addResident: 'any',  linkCadre: 'any',  unlinkCadre: 'any',  recordVisit: 'any',         registerDepartment: 'any',  updateDepartment: 'any',  createCampaign: 'any',  updateCampaign: 'any',  recordHelp: 'any',         assessFirstSecretary: 'any',  createPledge: 'any',  setPledgeStatus: 'any' },
  DEPARTMENT: { registerCadre: 'none', registerHousehold: 'any',  addResident: 'any',  linkCadre: 'none', unlinkCadre: 'none', recordVisit: 'ownCadres',   registerDepartment: 'none', updateDepartment: 'none', createCampaign: 'none', updateCampaign: 'none', recordHelp: 'none',        assessFirstSecretary: 'none', createPledge: 'none', setPledgeStatus: 'none' },
  CADRE:      { registerCadre: 'none', registerHousehold: 'none', addResident: 'none', linkCadre: 'none', unlinkCadre: 'none', recordVisit: 'asOneOfThem', registerDepartment: 'none', updateDepartment: 'none', createCampaign: 'none', updateCampaign: 'none', recordHelp: 'asOneOfThem', assessFirstSecretary: 'none', createPledge: 'none', setPledgeStatus: 'asOneOfThem' },
  ANALYST:    { registerCadre: 'none', registerHousehold: 'none', addResident: 'none', linkCadre: 'none', unlinkCadre: 'none', recordVisit: 'none',        registerDepartment: 'none', updateDepartment: 'none', createCampaign: 'none', updateCampaign: 'none', recordHelp: 'none',        assessFirstSecretary: 'none', createPledge: 'none', setPledgeStatus: 'none' },
  PARTNER:    { registerCadre: 'none', registerHousehold: 'none', addResident: 'none', linkCadre: 'none', unlinkCadre: 'none', recordVisit: 'none',        registerDepartment: 'none', updateDepartment: 'none', createCampaign: 'none', updateCampaign: 'none', recordHelp: 'none',        assessFirstSecretary: 'none', createPledge: 'none', setPledgeStatus: 'none' },
} as const satisfies Record<Role, Record<Mutation, WriteRule>>;

interface ReadPolicy {
  /** Departments, cadres, households, residents, liaisons, visits, coverage. */
  read: boolean;
  personal: 'plain' | 'linked' | 'masked';
  byTag: 'rows' | 'count';
  cadrePhone: 'plain' | 'masked';
  /** Reads the audit log of unmasked ID number reads. */
  audit: boolean;
}
/** 'ownCadres': every cadre of the visit is of the caller's department; 'asOneOfThem': the caller's cadre is one of them. */
type WriteRule = 'any' | 'none' | 'ownCadres' | 'asOneOfThem';
export const mutations = [
  'registerCadre', 'registerHousehold', 'addResident', 'linkCadre', 'unlinkCadre', 'recordVisit',
  'registerDepartment', 'updateDepartment', 'createCampaign', 'updateCampaign', 'recordHelp',
  'assessFirstSecretary', 'createPledge', 'setPledgeStatus',
] as const;
export type Mutation = (typeof mutations)[number];

const policy = (viewer: Viewer): ReadPolicy => reads[viewer.role];

// ------------------------------------------------------------------ reads

export const mayRead = (viewer: Viewer) => policy(viewer).read;

/** Whether the viewer reads people data lying in `divisionCode` (a household's, a liaison's, a visit's). */
export const mayReadAt = (viewer: Viewer, divisionCode: string | null) =>
  mayRead(viewer) && (divisionCode == null ? !viewer.scope : inScope(viewer, divisionCode));

/** A department is seen where it serves: inside the scope, or above it (a city department in a district's scope). */
export function mayReadDepartmentAt(viewer: Viewer, divisionCode: string): boolean {
  return mayRead(viewer) && (!viewer.scope || servesSubtree(divisionCode, viewer.scope));
}

/** A campaign is seen where it runs, as a department is. */
export const mayReadCampaignAt = mayReadDepartmentAt;

/** Whether a unit at `code` serves the subtree of `subtree`: it lies in it, or above it (a city unit serves a district). */
export function servesSubtree(code: string, subtree: string): boolean {
  const own = parseDivisionCode(code)?.prefix;
  const theirs = parseDivisionCode(subtree)?.prefix;
  return !!own && !!theirs && (code.startsWith(theirs) || subtree.startsWith(own));
}

/** SQL (on a department alias) for the departments a scoped viewer sees; null when it sees all. */
export function departmentScopeSql(viewer: Viewer, alias: string): { sql: string; params: Record<string, string | string[]> } | null {
  if (!viewer.scope) return null;
  const { lo, hi } = subtreeRange(viewer.scope);
  const above = divisionsAbove(viewer.scope);
  return {
    sql: `((${alias}.divisionCode >= :scopeLo AND ${alias}.divisionCode < :scopeHi) OR ${alias}.divisionCode IN (:...scopeAbove))`,
    params: { scopeLo: lo, scopeHi: hi, scopeAbove: above },
  };
}

/** SQL (positional) for "the cadre `cadreIdSql` is one a scoped viewer sees" (its department seen); null when it sees all. */
export function cadreSeenSql(viewer: Viewer, cadreIdSql: string): { sql: string; params: string[] } | null {
  if (!viewer.scope) return null;
  const { lo, hi } = subtreeRange(viewer.scope);
  const above = divisionsAbove(viewer.scope);
  const aboveSql = above.length ? ` OR sd.divisionCode IN (${above.map(() => '?').join(', ')})` : '';
  return {
    sql: `EXISTS (SELECT 1 FROM cadre sc JOIN department sd ON sd.id = sc.departmentId WHERE sc.id = ${cadreIdSql} AND ((sd.divisionCode >= ? AND sd.divisionCode < ?)${aboveSql}))`,
    params: [lo, hi, ...above],
  };
}

/** The codes of the divisions above `code` (its province, city, district, township). */
export function divisionsAbove(code: string): string[] {
  const prefix = parseDivisionCode(code)!.prefix;
  return [2, 4, 6, 9].filter((n) => n < prefix.length).map((n) => prefix.slice(0, n).padEnd(12, '0'));
}

/** SQL (positional, on a visit alias) for the visits a scoped viewer sees; null when it sees all. */
export function visitScopeSql(viewer: Viewer, alias: string): { sql: string; params: string[] } | null {
  if (!viewer.scope) return null;
  const { lo, hi } = subtreeRange(viewer.scope);
  return { sql: `(${visitPlaceSql(alias)} >= ? AND ${visitPlaceSql(alias)} < ?)`, params: [lo, hi] };
}

/** SQL (positional, on a liaison alias) for the links a scoped viewer sees: a link lies at its target, as a visit does; null when it sees all. */
export const liaisonScopeSql = visitScopeSql;

/** Where a visit lies: its division, or (a visit to a district or township) the target's code. */
export const visitPlace = (v: { divisionCode: string | null; targetType: string; targetId: string }) =>
  v.divisionCode ?? (v.targetType === 'Division' ? v.targetId : null);
const visitPlaceSql = (alias: string) => `COALESCE(${alias}.divisionCode, CASE WHEN ${alias}.targetType = 'Division' THEN ${alias}.targetId END)`;

export type PersonalView = 'plain' | 'masked';

/**
 * How the viewer reads the personal data of a household it may read (`linkedHouseholds`: the
 * households the viewer's cadre is actively linked to, asked only for the 'linked' rule).
 */
export async function personalView(
  viewer: Viewer,
  householdId: string,
  linkedHouseholds: () => Promise<ReadonlySet<string>>,
): Promise<PersonalView> {
  const rule = policy(viewer).personal;
  if (rule === 'linked') return (await linkedHouseholds()).has(householdId) ? 'plain' : 'masked';
  return rule;
}

export const maskPersonal = (field: 'idNumber' | 'phone', value: string) => (field === 'idNumber' ? maskIdNumber(value) : maskPhone(value));

export const mayListByTag = (viewer: Viewer) => policy(viewer).byTag === 'rows';

export const cadrePhone = (viewer: Viewer, phone: string | null) =>
  phone == null ? null : policy(viewer).cadrePhone === 'plain' ? phone : maskPhone(phone);

export function requireAuditReader(viewer: Viewer): void {
  if (!policy(viewer).audit) throw forbidden(`${viewer.role} may not read the audit log`);
}

// ------------------------------------------------------------------ writes

/** FORBIDDEN unless the viewer's role may make this mutation at all; returns the rule that then applies. */
export function requireMayWrite(ctx: SubgraphContext, mutation: Mutation): WriteRule {
  const rule: WriteRule = writes[ctx.viewer.role][mutation];
  if (rule === 'none') throw forbidden(`${ctx.viewer.role} may not ${mutation}`);
  return rule;
}

/** A write that stores something lying in `divisionCode` (when known): FORBIDDEN outside the viewer's scope. */
export function requireWriteScope(ctx: SubgraphContext, divisionCode: string | null, field?: string): void {
  if (divisionCode == null ? ctx.viewer.scope : !inScope(ctx.viewer, divisionCode)) {
    throw forbidden(`${divisionCode ?? 'That target'} lies outside the caller's scope ${ctx.viewer.scope}`, field);
  }
}

/**
 * recordVisit's own rule, on the visit's cadres (each loaded with its department's division):
 * all in scope, and the caller one of them (CADRE) or their department (DEPARTMENT).
 */
export function requireMayRecordVisit(ctx: SubgraphContext, rule: WriteRule, cadres: { id: string; departmentId: string; departmentDivision: string }[]): void {
  const { viewer } = ctx;
  const outside = cadres.filter((c) => !mayReadDepartmentAt(viewer, c.departmentDivision));
  if (outside.length) throw forbidden(`Cadre ${outside.map((c) => c.id).join(', ')} lies outside the caller's scope ${viewer.scope}`, 'cadreIds');
  if (rule === 'asOneOfThem' && !cadres.some((c) => c.id === viewer.cadreId)) {
    throw forbidden('A cadre records only visits it made itself', 'cadreIds');
  }
  if (rule === 'ownCadres' && !cadres.every((c) => c.departmentId === viewer.departmentId)) {
    throw forbidden("A department records only its own cadres' visits", 'cadreIds');
  }
}

/** SQL (positional, on a help_record alias) for the help records a scoped viewer sees: where each lies; null when it sees all. */
export function helpRecordScopeSql(viewer: Viewer, alias: string): { sql: string; params: string[] } | null {
  if (!viewer.scope) return null;
  const { lo, hi } = subtreeRange(viewer.scope);
  return { sql: `(${alias}.divisionCode >= ? AND ${alias}.divisionCode < ?)`, params: [lo, hi] };
}

/** recordHelp's own rule, on the cadre (loaded with its department's division): in scope, and the caller itself (CADRE). */
export function requireMayRecordHelp(ctx: SubgraphContext, rule: WriteRule, cadre: { id: string; departmentDivision: string }): void {
  if (!mayReadDepartmentAt(ctx.viewer, cadre.departmentDivision)) {
    throw forbidden(`Cadre ${cadre.id} lies outside the caller's scope ${ctx.viewer.scope}`, 'input.cadreId');
  }
  if (rule === 'asOneOfThem' && cadre.id !== ctx.viewer.cadreId) throw forbidden('A cadre records only its own help', 'input.cadreId');
}

/** setPledgeStatus's own rule: the pledge in scope, and the caller its lead cadre (CADRE). */
export function requireMaySetPledgeStatus(ctx: SubgraphContext, rule: WriteRule, pledge: { divisionCode: string; leadCadreId: string }): void {
  requireWriteScope(ctx, pledge.divisionCode, 'id');
  if (rule === 'asOneOfThem' && pledge.leadCadreId !== ctx.viewer.cadreId) throw forbidden('A cadre moves on only the pledges it leads', 'id');
}
