import { runSubgraph } from '@cadres/kit';
import { issuesDefinition } from './server';
import { seedIssues } from './seed';
import { startSupervisionSweep } from './sweep';

runSubgraph(issuesDefinition, { defaultPort: 4004, seed: seedIssues, onStarted: (subgraph) => startSupervisionSweep(subgraph) });
