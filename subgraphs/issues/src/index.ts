export { createIssuesSubgraph, defineIssues, issuesConfig, issuesDefinition } from './server';
export { seedIssues } from './seed';
export { superviseOverdue } from './service';
export * as issuesEntities from './entities';
