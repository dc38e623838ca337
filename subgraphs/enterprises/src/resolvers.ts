import { inScope, loadOrNull, parseDivisionCode, type Viewer } from '@cadres/kit';
import { mayReadAt, readableRange, visibleEnterprise, visibleProject } from './access';
import type { Resolvers } from './generated/graphql';
import { BP, plannedProgress, projectLight, type LightRules } from './light';
import {
  enterpriseByCreditCode,
  enterpriseById,
  enterpriseCountIn,
  enterpriseIdsIn,
  enterprisesIn,
  projectById,
  projectsByEnterprise,
  projectsIn,
  reportsOf,
  today,
} from './loaders';
import { enterprise, enterprises, registerEnterprise } from './enterprises';
import { registerProject, reportProjectProgress } from './projects';

/** A division stub: only its code, which carries the hierarchy. */
const divisionRef = (code: string) => ({ code });

/** The prefix of a division the viewer reads in (its whole subtree is then in scope), or null. */
const readablePrefix = (viewer: Viewer, code: string) => (mayReadAt(viewer, code) ? parseDivisionCode(code)?.prefix ?? null : null);

export const createResolvers = (rules: LightRules): Resolvers => ({
  Query: {
    enterprise: (_, args, ctx) => enterprise(ctx, args),
    enterprises: (_, args, ctx) => enterprises(ctx, args),
    project: async (_, { id }, ctx) => visibleProject(ctx, await loadOrNull(projectById(ctx), id)),
  },
  Mutation: {
    registerEnterprise: (_, args, ctx) => registerEnterprise(ctx, args),
    registerProject: (_, args, ctx) => registerProject(ctx, args),
    reportProjectProgress: (_, args, ctx) => reportProjectProgress(ctx, args),
  },
  Division: {
    // Outside the scope a division is null here as at places; a role that reads nothing gets null lists.
    __resolveReference: ({ code }, ctx) => (inScope(ctx.viewer, code) ? divisionRef(code) : null),
    enterprises: (d, args, ctx) => {
      const prefix = readablePrefix(ctx.viewer, d.code);
      return prefix ? enterprisesIn(ctx, args).load(prefix) : null;
    },
    // What people's Coverage asks for itself (its enterprise figures and the list without a liaison).
    enterpriseCount: (d, _, ctx) => {
      const prefix = readablePrefix(ctx.viewer, d.code);
      return prefix ? enterpriseCountIn(ctx).load(prefix) : null;
    },
    enterpriseIds: (d, _, ctx) => {
      const prefix = readablePrefix(ctx.viewer, d.code);
      return prefix ? enterpriseIdsIn(ctx).load(prefix) : null;
    },
    projects: (d, args, ctx) => {
      const prefix = readablePrefix(ctx.viewer, d.code);
      if (!prefix) return null;
      // The sites are in scope with the division; their enterprises need not be.
      const readable = readableRange(ctx.viewer);
      return projectsIn(ctx, rules, args, typeof readable === 'object' ? readable : null).load(prefix);
    },
  },
  Enterprise: {
    // By either key: a representation carries id or creditCode.
    __resolveReference: async (ref, ctx) =>
      visibleEnterprise(
        ctx.viewer,
        'id' in ref
          ? await loadOrNull(enterpriseById(ctx), ref.id)
          : await loadOrNull(enterpriseByCreditCode(ctx), String(ref.creditCode).trim().toUpperCase()),
      ),
    division: (e) => divisionRef(e.divisionCode),
    // The enterprise is in scope; a project sited outside the scope is not.
    projects: async (e, _, ctx) => (await projectsByEnterprise(ctx).load(e.id)).filter((p) => inScope(ctx.viewer, p.siteCode)),
  },
  Project: {
    __resolveReference: async ({ id }, ctx) => visibleProject(ctx, await loadOrNull(projectById(ctx), id)),
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
