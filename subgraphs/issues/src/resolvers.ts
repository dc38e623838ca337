import { badInput, loadOrNull, pageOf, requireDivisionCode, requireExisting, type SubgraphContext } from '@cadres/kit';
import { mayReadDemand, mayReadRatings, requireAccess, requireOwnReport, requireOwnTaking, requireRole, servedDivisionNeeded, visibleIssue, type Action, type Caller } from './access';
import type { IssuesConfig } from './config';
import { deliberationOf } from './demands';
import type { Demand, Issue } from './entities';
import type { Light, Resolvers } from './generated/graphql';
import { cadreEvaluationsOf, coHandlersOf, demandById, demandByRef, demandHistoryOf, demandsOf, publishedListOf, takersOf, evaluationsOf, extensionsOf, historyOf, meetingsOf, issueById, issueByRef, issuesOf, issuesPage, raisedDuring } from './loaders';
import { withCampaignPeriod } from './campaigns';
import { ownersFor, withDepartment } from './owners';
import { assigneeRankingOf, childIssueRankingOf } from './ranking';
import { rate } from './ratings';
import * as service from './service';
import { issueStatsOf } from './stats';

/** The light of one issue at `now` (at its resolution while RESOLVED): the same rule as `lightSql`. */
export function lightOf(issue: Pick<Issue, 'finishedAt' | 'deadline' | 'yellowAt' | 'status' | 'resolvedAt'>, now: Date): Light {
  if (issue.finishedAt) return issue.finishedAt.getTime() <= issue.deadline.getTime() ? 'GREEN' : 'RED';
  const t = (issue.status === 'RESOLVED' && issue.resolvedAt ? issue.resolvedAt : now).getTime();
  if (t > issue.deadline.getTime()) return 'RED';
  if (t >= issue.yellowAt.getTime()) return 'YELLOW';
  return 'GREEN';
}

/** The demand, or null when the viewer may not read it (lookups, `_entities`). */
const visibleDemand = (ctx: SubgraphContext, d: Demand | null) => (d && mayReadDemand(ctx.viewer, d) ? d : null);

/** The division-code prefix of a subtree argument (validated). */
const prefixOf = (code: string, field: string) => requireDivisionCode(code, field).prefix;

export function createResolvers(config: IssuesConfig): Resolvers {
  /**
   * The acting caller; `action` is checked against the role before any statement runs. For the
   * actions judged against the caller's own department (evaluate, rate), its department is
   * looked up first when the token does not name it (a cadre's); for those it takes by the
   * division its department serves (openDemand, deliberateDemand), that division.
   */
  const actor = async (ctx: SubgraphContext, action: Action): Promise<service.Actor & { viewer: Caller }> => {
    requireRole(ctx.viewer, action);
    const owners = ownersFor(ctx);
    const own = action === 'evaluate' || action === 'rate' ? await withDepartment(ctx.viewer, owners) : ctx.viewer;
    // A right by the division the caller's department serves (access.ts 'division'): people says which.
    const viewer: Caller = servedDivisionNeeded(own, action) ? { ...own, servedDivision: await owners.departmentDivision(own.departmentId!, 'departmentId') } : own;
    return {
      ds: ctx.ds,
      now: ctx.now(),
      actor: ctx.viewer.sub,
      config,
      viewer,
      authorize: (act, issue) => requireAccess(viewer, act, issue),
      requireExisting: (refs) => requireExisting(ctx, refs),
      owners,
    };
  };
  return {
    Query: {
      issue: async (_, args, ctx) => {
        if ((args.id == null) === (args.ref == null)) throw badInput('id', 'give exactly one of id and ref');
        const found = args.id != null ? await loadOrNull(issueById(ctx), args.id) : await loadOrNull(issueByRef(ctx), args.ref!);
        return visibleIssue(ctx.viewer, found);
      },
      issues: (_, args, ctx) => {
        if (args.divisionCode != null) requireDivisionCode(args.divisionCode, 'divisionCode');
        return issuesPage(ctx, args.divisionCode ?? null, args.filter, args);
      },
      issueStats: async (_, args, ctx) => {
        const prefix = prefixOf(args.divisionCode, 'divisionCode');
        return issueStatsOf(ctx, await withCampaignPeriod(ctx, args), 'subtree', prefix);
      },
      demand: async (_, args, ctx) => {
        if ((args.id == null) === (args.ref == null)) throw badInput('id', 'give exactly one of id and ref');
        const found = args.id != null ? await loadOrNull(demandById(ctx), args.id) : await loadOrNull(demandByRef(ctx), args.ref!);
        return visibleDemand(ctx, found);
      },
    },
    Mutation: {
      reportIssue: async (_, { input }, ctx) => {
        requireOwnReport(ctx.viewer, input.reporterId);
        return service.reportIssue(await actor(ctx, 'report'), input);
      },
      fixOnTheSpot: async (_, { input, feedback }, ctx) => {
        requireOwnReport(ctx.viewer, input.reporterId);
        return service.fixOnTheSpot(await actor(ctx, 'fixOnTheSpot'), input, feedback);
      },
      assignIssue: async (_, a, ctx) => service.assignIssue(await actor(ctx, 'assign'), a.id, a.departmentId, a.expectedVersion, a.note),
      acceptIssue: async (_, a, ctx) => service.acceptIssue(await actor(ctx, 'accept'), a.id, a.expectedVersion),
      startIssue: async (_, a, ctx) => service.startIssue(await actor(ctx, 'start'), a.id, a.expectedVersion, a.note),
      resolveIssue: async (_, a, ctx) => service.resolveIssue(await actor(ctx, 'resolve'), a.id, a.expectedVersion, a.feedback),
      evaluateIssue: async (_, a, ctx) =>
        service.evaluateIssue(await actor(ctx, 'evaluate'), a.id, a.expectedVersion, a.satisfaction, a.solved, a.comment),
      rejectIssue: async (_, a, ctx) => service.rejectIssue(await actor(ctx, 'reject'), a.id, a.expectedVersion, a.reason),
      extendDeadline: async (_, a, ctx) =>
        service.extendDeadline(await actor(ctx, 'extendDeadline'), a.id, a.expectedVersion, a.newDeadline, a.reason),
      requestExtension: async (_, a, ctx) =>
        service.requestExtension(await actor(ctx, 'requestExtension'), a.id, a.expectedVersion, a.newDeadline, a.reason),
      decideExtension: async (_, a, ctx) =>
        service.decideExtension(await actor(ctx, 'decideExtension'), a.id, a.expectedVersion, a.approve, a.note),
      addCoHandler: async (_, a, ctx) => service.addCoHandler(await actor(ctx, 'addCoHandler'), a.id, a.expectedVersion, a.departmentId),
      // The co-handler acting is the token's department: the policy table lets no other take these steps.
      acceptCoHandling: async (_, a, ctx) =>
        service.acceptCoHandling(await actor(ctx, 'acceptCoHandling'), a.id, a.expectedVersion, ctx.viewer.departmentId ?? ''),
      reportCoHandling: async (_, a, ctx) =>
        service.reportCoHandling(await actor(ctx, 'reportCoHandling'), a.id, a.expectedVersion, ctx.viewer.departmentId ?? '', a.feedback),
      recordMeeting: async (_, a, ctx) =>
        service.recordMeeting(await actor(ctx, 'recordMeeting'), a.id, a.expectedVersion, a.date, a.departmentIds, a.decision),
      orderDemand: async (_, a, ctx) => service.orderDemand(await actor(ctx, 'orderDemand'), a),
      openDemand: async (_, a, ctx) => service.openDemand(await actor(ctx, 'openDemand'), a.id, a.expectedVersion),
      takeDemand: async (_, a, ctx) => {
        const { departmentId, cadreId } = service.takerArgs(a.departmentId, a.cadreId);
        requireOwnTaking(ctx.viewer, departmentId, cadreId);
        return service.takeDemand(await actor(ctx, 'takeDemand'), a.id, a.expectedVersion, departmentId, cadreId);
      },
      completeDemand: async (_, a, ctx) => service.completeDemand(await actor(ctx, 'completeDemand'), a.id, a.expectedVersion, a.result),
      deliberateDemand: async (_, a, ctx) => service.deliberateDemand(await actor(ctx, 'deliberateDemand'), a.id, a.expectedVersion, a.scores),
      superviseIssue: async (_, a, ctx) => service.superviseIssue(await actor(ctx, 'supervise'), a.id, a.expectedVersion, a.note),
      rate: async (_, a, ctx) => {
        const act = await actor(ctx, 'rate');
        return rate(act, act.viewer, a);
      },
    },
    Issue: {
      __resolveReference: async ({ id }, ctx) => visibleIssue(ctx.viewer, await loadOrNull(issueById(ctx), id)),
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
      deadlineExtensions: (i, _, ctx) => extensionsOf(ctx).load(i.id),
      coHandlers: (i, _, ctx) => coHandlersOf(ctx).load(i.id),
      meetings: (i, _, ctx) => meetingsOf(ctx).load(i.id),
      evaluation: (i) =>
        i.evaluatedAt && i.evalSatisfaction
          ? { satisfaction: i.evalSatisfaction, solved: i.evalSolved === 1, comment: i.evalComment, at: i.evaluatedAt }
          : null,
    },
    CoHandler: {
      department: (c) => ({ id: c.departmentId }),
    },
    Meeting: {
      departments: (m) => m.departmentIds.map((id) => ({ id })),
    },
    DeadlineExtension: {
      at: (e) => e.decidedAt ?? e.requestedAt,
    },
    Demand: {
      __resolveReference: async ({ id }, ctx) => visibleDemand(ctx, await loadOrNull(demandById(ctx), id)),
      division: (d) => ({ code: d.divisionCode }),
      takers: (d, _, ctx) => takersOf(ctx).load(d.id),
      deliberation: (d) => deliberationOf(d.scores),
      // IssueEvent's statuses are issue statuses: a demand's event shows its action only.
      history: async (d, _, ctx) => (await demandHistoryOf(ctx).load(d.id)).map((e) => ({ ...e, fromStatus: null, toStatus: null })),
    },
    DemandTaker: {
      department: (t) => (t.departmentId ? { id: t.departmentId } : null),
      cadre: (t) => (t.cadreId ? { id: t.cadreId } : null),
    },
    PublishedItem: {
      division: (p) => ({ code: p.divisionCode }),
      // Departments only: a cadre is a person, and a published list shows no personal data.
      handledBy: async (p, _, ctx) => [...new Set((await takersOf(ctx).load(p.id)).flatMap((t) => (t.departmentId ? [t.departmentId] : [])))],
    },
    IssueSubject: {
      __resolveType: (s) => s.__typename,
    },
    Division: {
      issueStats: async ({ code }, args, ctx) => {
        const prefix = prefixOf(code, 'code');
        return issueStatsOf(ctx, await withCampaignPeriod(ctx, args), 'subtree', prefix);
      },
      issues: ({ code }, args, ctx) => issuesOf(ctx, 'subtree', args.filter, args).load(prefixOf(code, 'code')),
      // Ratings are read only by the roles that read every issue in scope (access.ts).
      assigneeRanking: async ({ code }, args, ctx) => {
        if (args.measure === 'SERVICE_RATING' && !mayReadRatings(ctx.viewer)) return null;
        const page = pageOf(args);
        const prefix = prefixOf(code, 'code');
        return assigneeRankingOf(ctx, await withCampaignPeriod(ctx, args), page, prefix);
      },
      childIssueRanking: async ({ code }, args, ctx) => {
        if (args.measure === 'SERVICE_RATING' && !mayReadRatings(ctx.viewer)) return null;
        prefixOf(code, 'code'); // a bad code is BAD_USER_INPUT before people is asked for the campaign
        return childIssueRankingOf(ctx, code, await withCampaignPeriod(ctx, args));
      },
      demands: ({ code }, args, ctx) => demandsOf(ctx, args.status, args).load(prefixOf(code, 'code')),
      publishedList: ({ code }, args, ctx) => publishedListOf(ctx, args.list, args, prefixOf(code, 'code')),
    },
    Household: {
      issues: ({ id }, args, ctx) => issuesOf(ctx, 'Household', null, args).load(id),
    },
    Department: {
      issueStats: async ({ id }, args, ctx) => issueStatsOf(ctx, await withCampaignPeriod(ctx, args), 'assignee', id),
      serviceEvaluations: ({ id }, _, ctx) => (mayReadRatings(ctx.viewer) ? evaluationsOf(ctx, 'Department').load(id) : null),
      cadreEvaluations: ({ id }, args, ctx) => (mayReadRatings(ctx.viewer) ? cadreEvaluationsOf(ctx, id, args.from, args.to) : null),
    },
    Enterprise: {
      issues: ({ id }, args, ctx) => issuesOf(ctx, 'Enterprise', args.filter, args).load(id),
      evaluations: ({ id }, _, ctx) => (mayReadRatings(ctx.viewer) ? evaluationsOf(ctx, 'Enterprise').load(id) : null),
    },
    Project: {
      issues: ({ id }, args, ctx) => issuesOf(ctx, 'Project', args.filter, args).load(id),
    },
    Cadre: {
      reportedIssues: ({ id }, args, ctx) => issuesOf(ctx, 'reporter', null, args).load(id),
      evaluations: ({ id }, _, ctx) => (mayReadRatings(ctx.viewer) ? evaluationsOf(ctx, 'Cadre').load(id) : null),
    },
    Visit: {
      raisedIssues: ({ id }, _, ctx) => raisedDuring(ctx).load(id),
    },
  };
}
