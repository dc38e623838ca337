import { runSubgraph } from '@cadres/kit';
import { peopleDefinition } from './server';
import { seedPeople } from './seed';

runSubgraph(peopleDefinition, { defaultPort: 4002, seed: seedPeople });
