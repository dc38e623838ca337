import {
  badInput,
  divisionOf,
  loadOrNull,
  requireDivisionCode,
  requireExisting,
  requireInScope,
  type PageArgs,
  type Resolvers,
  type SubgraphContext,
} from '@cadres/kit';
import { requireAccess, requireRole, type Action } from './access';
import type { IssuesConfig } from './config';
import type { Issue, RatingAspect, Satisfaction } from './entities';
import { evaluationsOf, historyOf, issueById, issueByRef, issuesOf, issuesPage, raisedDuring } from './loaders';
import { rate, type RateArgs } from './ratings';
import * as service from './service';
import type { IssueFilter } from './sql';
import { issueStatsOf, type StatsArgs } from './stats';

type Light = 'GREEN' | 'YELLOW' | 'RED';

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

type Ref = { id: string };
type FilterArgs = PageArgs & { filter?: IssueFilter | null };

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
      issue: (_: unknown, args: { id?: string | null; ref?: string | null }, ctx: SubgraphContext) => {
        if ((args.id == null) === (args.ref == null)) throw badInput('id', 'give exactly one of id and ref');
        return args.id != null ? loadOrNull(issueById(ctx), args.id) : loadOrNull(issueByRef(ctx), args.ref!);
      },
      issues: (_: unknown, args: FilterArgs & { divisionCode?: string | null }, ctx: SubgraphContext) => {
        if (args.divisionCode != null) requireDivisionCode(args.divisionCode, 'divisionCode');
        return issuesPage(ctx, args.divisionCode ?? null, args.filter, args);
      },
      issueStats: (_: unknown, args: StatsArgs & { divisionCode: string }, ctx: SubgraphContext) =>
        issueStatsOf(ctx, args, prefixOf(args.divisionCode, 'divisionCode')),
    },
    Mutation: {
      reportIssue: (_: unknown, { input }: { input: service.ReportIssueInput }, ctx: SubgraphContext) =>
        service.reportIssue(actor(ctx, 'report'), input),
      assignIssue: (_: unknown, a: { id: string; departmentId: string; expectedVersion: number; note?: string | null }, ctx: SubgraphContext) =>
        service.assignIssue(actor(ctx, 'assign'), a.id, a.departmentId, a.expectedVersion, a.note),
      acceptIssue: (_: unknown, a: { id: string; expectedVersion: number }, ctx: SubgraphContext) =>
        service.acceptIssue(actor(ctx, 'accept'), a.id, a.expectedVersion),
      startIssue: (_: unknown, a: { id: string; expectedVersion: number; note?: string | null }, ctx: SubgraphContext) =>
        service.startIssue(actor(ctx, 'start'), a.id, a.expectedVersion, a.note),
      resolveIssue: (_: unknown, a: { id: string; expectedVersion: number; feedback: string }, ctx: SubgraphContext) =>
        service.resolveIssue(actor(ctx, 'resolve'), a.id, a.expectedVersion, a.feedback),
      evaluateIssue: (
        _: unknown,
        a: { id: string; expectedVersion: number; satisfaction: Satisfaction; solved: boolean; comment?: string | null },
        ctx: SubgraphContext,
      ) => service.evaluateIssue(actor(ctx, 'evaluate'), a.id, a.expectedVersion, a.satisfaction, a.solved, a.comment),
      rejectIssue: (_: unknown, a: { id: string; expectedVersion: number; reason: string }, ctx: SubgraphContext) =>
        service.rejectIssue(actor(ctx, 'reject'), a.id, a.expectedVersion, a.reason),
      extendDeadline: (_: unknown, a: { id: string; expectedVersion: number; newDeadline: Date; reason: string }, ctx: SubgraphContext) =>
        service.extendDeadline(actor(ctx, 'extendDeadline'), a.id, a.expectedVersion, a.newDeadline, a.reason),
      superviseIssue: (_: unknown, a: { id: string; expectedVersion: number; note?: string | null }, ctx: SubgraphContext) =>
        service.superviseIssue(actor(ctx, 'supervise'), a.id, a.expectedVersion, a.note),
      rate: async (_: unknown, a: RateArgs & { aspect?: RatingAspect | null }, ctx: SubgraphContext) => {
        const act = actor(ctx, 'rate');
        // A scoped caller rates only for households and enterprises inside its scope.
        if (ctx.viewer.scope && (a.raterType === 'Household' || a.raterType === 'Enterprise')) {
          requireInScope(ctx.viewer, await divisionOf(ctx, a.raterType, a.raterId, 'raterId'));
        }
        return rate(act, a);
      },
    },
    Issue: {
      __resolveReference: ({ id }: Ref, ctx: SubgraphContext) => loadOrNull(issueById(ctx), id),
      division: (i: Issue) => ({ code: i.divisionCode }),
      subject: (i: Issue) => {
        if (!i.subjectType || !i.subjectId) return null;
        return i.subjectType === 'Division'
          ? { __typename: 'Division', code: i.subjectId }
          : { __typename: i.subjectType, id: i.subjectId };
      },
      reporter: (i: Issue) => (i.reporterId ? { id: i.reporterId } : null),
      visit: (i: Issue) => (i.visitId ? { id: i.visitId } : null),
      assignee: (i: Issue) => (i.assigneeId ? { id: i.assigneeId } : null),
      light: (i: Issue, _: unknown, ctx: SubgraphContext) => lightOf(i, ctx.now()),
      history: (i: Issue, _: unknown, ctx: SubgraphContext) => historyOf(ctx).load(i.id),
      evaluation: (i: Issue) =>
        i.evaluatedAt && i.evalSatisfaction
          ? { satisfaction: i.evalSatisfaction, solved: i.evalSolved === 1, comment: i.evalComment, at: i.evaluatedAt }
          : null,
    },
    IssueSubject: {
      __resolveType: (s: { __typename: string }) => s.__typename,
    },
    Division: {
      issueStats: ({ code }: { code: string }, args: StatsArgs, ctx: SubgraphContext) =>
        issueStatsOf(ctx, args, prefixOf(code, 'code')),
      issues: ({ code }: { code: string }, args: FilterArgs, ctx: SubgraphContext) =>
        issuesOf(ctx, 'subtree', args.filter, args).load(prefixOf(code, 'code')),
    },
    Enterprise: {
      issues: ({ id }: Ref, args: FilterArgs, ctx: SubgraphContext) =>
        issuesOf(ctx, 'Enterprise', args.filter, args).load(id),
      evaluations: ({ id }: Ref, _: unknown, ctx: SubgraphContext) => evaluationsOf(ctx, 'Enterprise').load(id),
    },
    Project: {
      issues: ({ id }: Ref, args: FilterArgs, ctx: SubgraphContext) => issuesOf(ctx, 'Project', args.filter, args).load(id),
    },
    Cadre: {
      reportedIssues: ({ id }: Ref, args: PageArgs, ctx: SubgraphContext) => issuesOf(ctx, 'reporter', null, args).load(id),
      evaluations: ({ id }: Ref, _: unknown, ctx: SubgraphContext) => evaluationsOf(ctx, 'Cadre').load(id),
    },
    Visit: {
      raisedIssues: ({ id }: Ref, _: unknown, ctx: SubgraphContext) => raisedDuring(ctx).load(id),
    },
  };
}
