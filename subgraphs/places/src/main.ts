import { runSubgraph } from '@cadres/kit';
import { placesDefinition } from './server';
import { seedPlaces } from './seed';

runSubgraph(placesDefinition, { defaultPort: 4001, seed: seedPlaces });
