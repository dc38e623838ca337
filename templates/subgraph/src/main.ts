import { runSubgraph } from '@cadres/kit';
import { subgraph } from './server';

runSubgraph(subgraph);
