import { loadOrNull, pageOf, parseDivisionCode, toConnection } from '@cadres/kit';
import type { Resolvers } from './generated/graphql';
import { BP, plannedProgress, projectLight, type LightRules } from './light';
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
import { enterprise, enterprises, registerEnterprise } from './enterprises';
import { registerProject, reportProjectProgress } from './projects';

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
