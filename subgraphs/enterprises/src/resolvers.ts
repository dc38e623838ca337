import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  badInput,
  conflict,
  createOnce,
  idempotencyKeyArg,
  insertUnique,
  loadOrNull,
  notFound,
  pageOf,
  parseDivisionCode,
  requireDivisionCode,
  requireExisting,
  requireText,
  requireVersion,
  searchPattern,
  subtreeRange,
  toConnection,
  updateVersioned,
  validateCreditCode,
  type SubgraphContext,
} from '@cadres/kit';
import { requireWriter } from './access';
import { Enterprise, Project, ProjectProgress } from './entities';
import type {
  MutationRegisterEnterpriseArgs,
  MutationRegisterProjectArgs,
  MutationReportProjectProgressArgs,
  QueryEnterpriseArgs,
  QueryEnterprisesArgs,
  Resolvers,
} from './generated/graphql';
import { BP, dayNumber, plannedProgress, projectLight, type LightRules } from './light';
import {
  enterpriseByCreditCode,
  enterpriseById,
  enterprisesIn,
  projectById,
  projectsByEnterprise,
  projectsIn,
  reportsOf,
  today,
} from './loaders';

/** `%text%` for LIKE … ESCAPE '!' ('!' rather than a backslash, which MySQL string literals eat). */

/**
 * A credit code argument: trimmed and upper-cased (people type them in lower case), then
 * checked against GB 32100 (length, alphabet without I O S V Z, check character).
 */
export function requireCreditCode(raw: string, field = 'creditCode'): string {
  const code = raw.trim().toUpperCase();
  const problem = validateCreditCode(code);
  if (problem) throw badInput(field, `${field} is not a valid unified social credit code (GB 32100): ${problem}`);
  return code;
}

async function enterprises(ctx: SubgraphContext, args: QueryEnterprisesArgs) {
  const page = pageOf(args);
  const q = ctx.ds.getRepository(Enterprise).createQueryBuilder('e');
  if (args.divisionCode != null) {
    requireDivisionCode(args.divisionCode, 'divisionCode');
    const { lo, hi } = subtreeRange(args.divisionCode);
    q.andWhere('e.divisionCode >= :lo AND e.divisionCode < :hi', { lo, hi });
  }
  if (args.category) q.andWhere('e.category = :category', { category: args.category });
  const search = searchPattern(args.search);
  if (search) q.andWhere("e.name LIKE :search ESCAPE '!'", { search });
  const rows = await q.clone().orderBy('e.id').offset(page.offset).limit(page.limit + 1).getMany();
  return toConnection(rows, page, () => q.getCount());
}

function enterprise(ctx: SubgraphContext, args: QueryEnterpriseArgs) {
  if ((args.id == null) === (args.creditCode == null)) {
    throw badInput(args.id == null ? 'id' : 'creditCode', 'give exactly one of id and creditCode');
  }
  if (args.id != null) return loadOrNull(enterpriseById(ctx), args.id);
  return loadOrNull(enterpriseByCreditCode(ctx), requireCreditCode(args.creditCode!));
}

async function registerEnterprise(ctx: SubgraphContext, args: MutationRegisterEnterpriseArgs): Promise<Enterprise> {
  const creditCode = requireCreditCode(args.creditCode);
  const name = requireText(args.name, 'name', 200);
  requireDivisionCode(args.divisionCode, 'divisionCode');
  requireWriter(ctx, args.divisionCode);
  await requireExisting(ctx, [{ type: 'Division', id: args.divisionCode, field: 'divisionCode' }]);
  const industry = args.industry == null ? null : requireText(args.industry, 'industry', 50);
  if (args.employees != null && args.employees < 0) throw badInput('employees', 'employees must not be negative');
  const duplicate = () => conflict(`an enterprise with credit code ${creditCode} is already registered`, 'creditCode');
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { creditCode, name, category: args.category, divisionCode: args.divisionCode, industry, employees: args.employees ?? null };
  return createOnce(ctx.ds, { operation: 'registerEnterprise', key, caller: ctx.viewer.sub, input, now: ctx.now() }, {
    replay: (em, id) => em.findOneByOrFail(Enterprise, { id }),
    create: async (em) => {
      if (await em.existsBy(Enterprise, { creditCode })) throw duplicate();
      const row = em.create(Enterprise, {
        id: randomUUID(),
        creditCode,
        name,
        category: args.category,
        industry,
        employees: args.employees ?? null,
        divisionCode: args.divisionCode,
        version: 1,
      });
      // Two registrations racing past the check above: the unique index decides.
      return insertUnique(em, Enterprise, row, duplicate);
    },
  });
}

async function registerProject(ctx: SubgraphContext, args: MutationRegisterProjectArgs): Promise<Project> {
  const name = requireText(args.name, 'name', 200);
  requireDivisionCode(args.siteCode, 'siteCode');
  requireWriter(ctx, args.siteCode);
  await requireExisting(ctx, [{ type: 'Division', id: args.siteCode, field: 'siteCode' }]);
  // Date scalars have checked that both are real YYYY-MM-DD dates.
  if (args.plannedFinish <= args.plannedStart) throw badInput('plannedFinish', 'plannedFinish must be after plannedStart');
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { enterpriseId: args.enterpriseId, name, level: args.level, siteCode: args.siteCode, plannedStart: args.plannedStart, plannedFinish: args.plannedFinish };
  return createOnce(ctx.ds, { operation: 'registerProject', key, caller: ctx.viewer.sub, input, now: ctx.now() }, {
    replay: (em, id) => em.findOneByOrFail(Project, { id }),
    create: async (em) => {
      if (!(await em.existsBy(Enterprise, { id: args.enterpriseId }))) throw notFound('Enterprise', args.enterpriseId, 'enterpriseId');
      const row = em.create(Project, {
        id: randomUUID(),
        name,
        level: args.level,
        enterpriseId: args.enterpriseId,
        siteCode: args.siteCode,
        plannedStart: args.plannedStart,
        plannedFinish: args.plannedFinish,
        startDay: dayNumber(args.plannedStart),
        finishDay: dayNumber(args.plannedFinish),
        actualBp: 0,
        reportCount: 0,
        version: 1,
      });
      await em.insert(Project, row);
      return row;
    },
  });
}

/** Another report landed between our read and our write (only without expectedVersion: then we read again). */
class MovedOn extends Error {}

/**
 * Appends a progress report and makes it the project's actual progress, in one transaction.
 * The update is conditional on the version read, so two concurrent reports cannot both pass
 * the "not lower than the last report" check against the same last report: the loser reads
 * again (or, when the caller sent expectedVersion, gets CONFLICT).
 */
async function reportProjectProgress(ctx: SubgraphContext, args: MutationReportProjectProgressArgs): Promise<Project> {
  requireWriter(ctx);
  const value = args.actualProgress;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw badInput('actualProgress', 'actualProgress must be between 0 and 1');
  }
  const bp = Math.round(value * BP);
  const note = args.note?.trim() ? requireText(args.note, 'note', 500) : null;
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { projectId: args.projectId, actualBp: bp, note, expectedVersion: args.expectedVersion ?? null };
  const request = { operation: 'reportProjectProgress', key, caller: ctx.viewer.sub, input, now: ctx.now() };
  for (let tries = 1; ; tries++) {
    try {
      // The record names the report the write created; a retry answers with its project as it is now.
      const { project } = await createOnce(ctx.ds, request, {
        create: (em) => appendReport(ctx, em, args, bp, note),
        idOf: (r) => r.reportId,
        replay: async (em, reportId) => {
          const report = await em.findOneByOrFail(ProjectProgress, { id: reportId });
          return { project: await em.findOneByOrFail(Project, { id: report.projectId }), reportId };
        },
      });
      return project;
    } catch (e) {
      if (!(e instanceof MovedOn) || tries >= 8) throw e instanceof MovedOn ? conflict('the project changed meanwhile, try again', 'projectId') : e;
    }
  }
}

async function appendReport(
  ctx: SubgraphContext,
  em: EntityManager,
  args: MutationReportProjectProgressArgs,
  bp: number,
  note: string | null,
): Promise<{ project: Project; reportId: string }> {
  const project = await em.findOneBy(Project, { id: args.projectId });
  if (!project) throw notFound('Project', args.projectId, 'projectId');
  requireWriter(ctx, project.siteCode);
  requireVersion('project', project, args.expectedVersion);
  if (bp < project.actualBp && !note) {
    throw badInput('note', `a report lower than the last one (${project.actualBp / BP}) needs a note saying why`);
  }
  const seq = project.reportCount + 1;
  const moved = await updateVersioned(em, Project, { ...project }, { actualBp: bp, reportCount: seq });
  if (!moved) {
    if (args.expectedVersion != null) throw conflict(`project ${project.id} changed meanwhile`, 'expectedVersion');
    throw new MovedOn();
  }
  const reportId: string = randomUUID();
  await em.insert(ProjectProgress, {
    id: reportId,
    projectId: project.id,
    seq,
    progressBp: bp,
    note,
    reportedAt: ctx.now(),
    reportedBy: ctx.viewer.sub ?? null,
  });
  return { project: moved, reportId };
}

/** A division stub: only its code, which carries the hierarchy. */
const divisionRef = (code: string) => ({ code });

export const createResolvers = (rules: LightRules): Resolvers => ({
  Query: {
    enterprise: (_, args, ctx) => enterprise(ctx, args),
    enterprises: (_, args, ctx) => enterprises(ctx, args),
    project: (_, { id }, ctx) => loadOrNull(projectById(ctx), id),
  },
  Mutation: {
    registerEnterprise: (_, args, ctx) => registerEnterprise(ctx, args),
    registerProject: (_, args, ctx) => registerProject(ctx, args),
    reportProjectProgress: (_, args, ctx) => reportProjectProgress(ctx, args),
  },
  Division: {
    __resolveReference: ({ code }) => divisionRef(code),
    enterprises: (d, args, ctx) => {
      const info = parseDivisionCode(d.code);
      if (!info) return toConnection([], pageOf(args), 0);
      return enterprisesIn(ctx, args).load(info.prefix);
    },
    projects: (d, args, ctx) => {
      const info = parseDivisionCode(d.code);
      if (!info) return toConnection([], pageOf(args), 0);
      return projectsIn(ctx, rules, args).load(info.prefix);
    },
  },
  Enterprise: {
    // By either key: a representation carries id or creditCode.
    __resolveReference: (ref, ctx) =>
      'id' in ref
        ? loadOrNull(enterpriseById(ctx), ref.id)
        : loadOrNull(enterpriseByCreditCode(ctx), String(ref.creditCode).trim().toUpperCase()),
    division: (e) => divisionRef(e.divisionCode),
    projects: (e, _, ctx) => projectsByEnterprise(ctx).load(e.id),
  },
  Project: {
    __resolveReference: ({ id }, ctx) => loadOrNull(projectById(ctx), id),
    enterprise: (p, _, ctx) => enterpriseById(ctx).load(p.enterpriseId),
    site: (p) => divisionRef(p.siteCode),
    plannedProgress: (p, _, ctx) => plannedProgress(p, today(ctx)),
    actualProgress: (p) => p.actualBp / BP,
    light: (p, _, ctx) => projectLight(p, today(ctx), rules),
    progressReports: (p, args, ctx) => reportsOf(ctx, args).load(p.id),
  },
  ProgressReport: {
    actualProgress: (r) => r.progressBp / BP,
  },
});
