import { badInput, divisionOf, loadOrNull, requireDivisionCode, requireExisting, requireInScope, type SubgraphContext } from '@cadres/kit';
import { requireAccess, requireRole, type Action } from './access';
import type { IssuesConfig } from './config';
import type { Issue } from './entities';
import type { Light, Resolvers } from './generated/graphql';
import { evaluationsOf, historyOf, issueById, issueByRef, issuesOf, issuesPage, raisedDuring } from './loaders';
import { rate } from './ratings';
import * as service from './service';
import { issueStatsOf } from './stats';

/** The light of one issue at `now`: the same rule as `lightSql`. */
export function lightOf(issue: Pick<Issue, 'finishedAt' | 'deadline' | 'yellowAt'>, now: Date): Light {
  if (issue.finishedAt) return issue.finishedAt.getTime() <= issue.deadline.getTime() ? 'GREEN' : 'RED';
  const t = now.getTime();
  if (t > issue.deadline.getTime()) return 'RED';
  if (t >= issue.yellowAt.getTime()) return 'YELLOW';
  return 'GREEN';
}

/** The division-code prefix of a subtree argument (validated). */
const prefixOf = (code: string, field: string) => requireDivisionCode(code, field).prefix;

export function createResolvers(config: IssuesConfig): Resolvers {
  /** The acting caller; `action` is checked against the role before any statement runs. */
  const actor = (ctx: SubgraphContext, action: Action): service.Actor => {
    requireRole(ctx.viewer, action);
    return {
      ds: ctx.ds,
      now: ctx.now(),
      actor: ctx.viewer.sub,
      config,
      authorize: (act, issue) => requireAccess(ctx.viewer, act, issue),
      requireExisting: (refs) => requireExisting(ctx, refs),
      locate: (type, id, field) => divisionOf(ctx, type, id, field),
    };
  };
  return {
    Query: {
      issue: (_, args, ctx) => {
        if ((args.id == null) === (args.ref == null)) throw badInput('id', 'give exactly one of id and ref');
        return args.id != null ? loadOrNull(issueById(ctx), args.id) : loadOrNull(issueByRef(ctx), args.ref!);
      },
      issues: (_, args, ctx) => {
        if (args.divisionCode != null) requireDivisionCode(args.divisionCode, 'divisionCode');
        return issuesPage(ctx, args.divisionCode ?? null, args.filter, args);
      },
      issueStats: (_, args, ctx) => issueStatsOf(ctx, args, prefixOf(args.divisionCode, 'divisionCode')),
    },
    Mutation: {
      reportIssue: (_, { input }, ctx) => service.reportIssue(actor(ctx, 'report'), input),
      assignIssue: (_, a, ctx) => service.assignIssue(actor(ctx, 'assign'), a.id, a.departmentId, a.expectedVersion, a.note),
      acceptIssue: (_, a, ctx) => service.acceptIssue(actor(ctx, 'accept'), a.id, a.expectedVersion),
      startIssue: (_, a, ctx) => service.startIssue(actor(ctx, 'start'), a.id, a.expectedVersion, a.note),
      resolveIssue: (_, a, ctx) => service.resolveIssue(actor(ctx, 'resolve'), a.id, a.expectedVersion, a.feedback),
      evaluateIssue: (_, a, ctx) =>
        service.evaluateIssue(actor(ctx, 'evaluate'), a.id, a.expectedVersion, a.satisfaction, a.solved, a.comment),
      rejectIssue: (_, a, ctx) => service.rejectIssue(actor(ctx, 'reject'), a.id, a.expectedVersion, a.reason),
      extendDeadline: (_, a, ctx) => service.extendDeadline(actor(ctx, 'extendDeadline'), a.id, a.expectedVersion, a.newDeadline, a.reason),
      superviseIssue: (_, a, ctx) => service.superviseIssue(actor(ctx, 'supervise'), a.id, a.expectedVersion, a.note),
      rate: async (_, a, ctx) => {
        const act = actor(ctx, 'rate');
        // A scoped caller rates only for households and enterprises inside its scope.
        if (ctx.viewer.scope && (a.raterType === 'Household' || a.raterType === 'Enterprise')) {
          requireInScope(ctx.viewer, await divisionOf(ctx, a.raterType, a.raterId, 'raterId'));
        }
        return rate(act, a);
      },
    },
    Issue: {
      __resolveReference: ({ id }, ctx) => loadOrNull(issueById(ctx), id),
      division: (i) => ({ code: i.divisionCode }),
      subject: (i) => {
        if (!i.subjectType || !i.subjectId) return null;
        return i.subjectType === 'Division'
          ? { __typename: 'Division', code: i.subjectId }
          : { __typename: i.subjectType, id: i.subjectId };
      },
      reporter: (i) => (i.reporterId ? { id: i.reporterId } : null),
      visit: (i) => (i.visitId ? { id: i.visitId } : null),
      assignee: (i) => (i.assigneeId ? { id: i.assigneeId } : null),
      light: (i, _, ctx) => lightOf(i, ctx.now()),
      history: (i, _, ctx) => historyOf(ctx).load(i.id),
      evaluation: (i) =>
        i.evaluatedAt && i.evalSatisfaction
          ? { satisfaction: i.evalSatisfaction, solved: i.evalSolved === 1, comment: i.evalComment, at: i.evaluatedAt }
          : null,
    },
    IssueSubject: {
      __resolveType: (s) => s.__typename,
    },
    Division: {
      issueStats: ({ code }, args, ctx) => issueStatsOf(ctx, args, prefixOf(code, 'code')),
      issues: ({ code }, args, ctx) => issuesOf(ctx, 'subtree', args.filter, args).load(prefixOf(code, 'code')),
    },
    Enterprise: {
      issues: ({ id }, args, ctx) => issuesOf(ctx, 'Enterprise', args.filter, args).load(id),
      evaluations: ({ id }, _, ctx) => evaluationsOf(ctx, 'Enterprise').load(id),
    },
    Project: {
      issues: ({ id }, args, ctx) => issuesOf(ctx, 'Project', args.filter, args).load(id),
    },
    Cadre: {
      reportedIssues: ({ id }, args, ctx) => issuesOf(ctx, 'reporter', null, args).load(id),
      evaluations: ({ id }, _, ctx) => evaluationsOf(ctx, 'Cadre').load(id),
    },
    Visit: {
      raisedIssues: ({ id }, _, ctx) => raisedDuring(ctx).load(id),
    },
  };
}
