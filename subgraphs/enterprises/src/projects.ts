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
import { requireWriter } from './access';
import { Enterprise, Project, ProjectProgress } from './entities';
import type { MutationRegisterProjectArgs, MutationReportProjectProgressArgs } from './generated/graphql';
import { BP, dayNumber } from './light';

export async function registerProject(ctx: SubgraphContext, args: MutationRegisterProjectArgs): Promise<Project> {
  const name = requireText(args.name, 'name', 200);
  requireDivisionCode(args.siteCode, 'siteCode');
  requireWriter(ctx, args.siteCode);
  await requireExisting(ctx, [{ type: 'Division', id: args.siteCode, field: 'siteCode' }]);
  // Date scalars have checked that both are real YYYY-MM-DD dates.
  if (args.plannedFinish <= args.plannedStart) throw badInput('plannedFinish', 'plannedFinish must be after plannedStart');
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { enterpriseId: args.enterpriseId, name, level: args.level, siteCode: args.siteCode, plannedStart: args.plannedStart, plannedFinish: args.plannedFinish };
  return createOnceFor(ctx, { operation: 'registerProject', key, input }, {
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
export async function reportProjectProgress(ctx: SubgraphContext, args: MutationReportProjectProgressArgs): Promise<Project> {
  requireWriter(ctx);
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
