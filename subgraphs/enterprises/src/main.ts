import { runSubgraph } from '@cadres/kit';
import { enterprisesDefinition } from './server';
import { seedEnterprises } from './seed';

runSubgraph(enterprisesDefinition, { defaultPort: 4003, seed: seedEnterprises });
