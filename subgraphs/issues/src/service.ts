// The issues service: what resolvers, the seed and the sweep call, split by area.
export { type Actor, requireId } from './ledger';
export { type ReportIssueInput, ledgerYear, formatRef, reportIssue, fixOnTheSpot } from './reporting';
export { assignIssue, acceptIssue, startIssue, resolveIssue, evaluateIssue, rejectIssue, extendDeadline } from './steps';
export { requestExtension, decideExtension } from './extensions';
export { MAX_SUPERVISION_LEVEL, superviseIssue, dueSupervisionLevel, superviseOverdue } from './supervision';
export { addCoHandler, acceptCoHandling, reportCoHandling, recordMeeting } from './joint';
export { orderDemand, openDemand, takeDemand, takerArgs, completeDemand, deliberateDemand } from './demands';
