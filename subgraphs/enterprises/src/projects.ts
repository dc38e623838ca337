// Key projects (重点项目): registration and progress reports, each report kept, the project versioned.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  badInput,
  conflict,
  createOnceFor,
  idempotencyKeyArg,
  notFound,
  requireDivisionCode,
  requireExisting,
  requireText,
  requireVersion,
  updateVersioned,
  type SubgraphContext,
} from '@cadres/kit';
import { requireWrite, requireWriteScope } from './access';
import { Enterprise, Project, ProjectProgress } from './entities';
import type { MutationRegisterProjectArgs, MutationReportProjectProgressArgs } from './generated/graphql';
import { BP, dayNumber } from './light';

/**
 * The enterprise a write stores or touches, read in the write's transaction: NOT_FOUND when
 * there is none, FORBIDDEN (naming `field`) when it lies outside the writer's scope.
 */
async function requireEnterpriseInScope(ctx: SubgraphContext, em: EntityManager, id: string, field: string): Promise<void> {
  const owner = await em.findOneBy(Enterprise, { id });
  if (!owner) throw notFound('Enterprise', id, field);
  requireWriteScope(ctx.viewer, owner.divisionCode, field);
}

export async function registerProject(ctx: SubgraphContext, args: MutationRegisterProjectArgs): Promise<Project> {
  requireWrite(ctx.viewer, 'registerProject');
  const name = requireText(args.name, 'name', 200);
  requireDivisionCode(args.siteCode, 'siteCode');
  requireWriteScope(ctx.viewer, args.siteCode, 'siteCode');
  // Date scalars have checked that both are real YYYY-MM-DD dates.
  if (args.plannedFinish <= args.plannedStart) throw badInput('plannedFinish', 'plannedFinish must be after plannedStart');
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { enterpriseId: args.enterpriseId, name, level: args.level, siteCode: args.siteCode, plannedStart: args.plannedStart, plannedFinish: args.plannedFinish };
  return createOnceFor(ctx, { operation: 'registerProject', key, input }, {
    // Places is asked only by a first attempt: a retry the record answers works while places is down.
    prepare: () => requireExisting(ctx, [{ type: 'Division', id: args.siteCode, field: 'siteCode' }]),
    replay: (em, id) => em.findOneByOrFail(Project, { id }),
    create: async (em) => {
      await requireEnterpriseInScope(ctx, em, args.enterpriseId, 'enterpriseId');
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
export async function reportProjectProgress(ctx: SubgraphContext, args: MutationReportProjectProgressArgs): Promise<Project> {
  requireWrite(ctx.viewer, 'reportProjectProgress');
  const value = args.actualProgress;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw badInput('actualProgress', 'actualProgress must be between 0 and 1');
  }
  const bp = Math.round(value * BP);
  const note = args.note?.trim() ? requireText(args.note, 'note', 500) : null;
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { projectId: args.projectId, actualBp: bp, note, expectedVersion: args.expectedVersion ?? null };
  const request = { operation: 'reportProjectProgress', key, input };
  for (let tries = 1; ; tries++) {
    try {
      // The record names the report the write created; a retry answers with its project as it is now.
      const { project } = await createOnceFor(ctx, request, {
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
  // A project is in scope when its site and its enterprise are (see access.ts).
  requireWriteScope(ctx.viewer, project.siteCode, 'projectId');
  await requireEnterpriseInScope(ctx, em, project.enterpriseId, 'projectId');
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
