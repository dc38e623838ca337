import { Initial1732000000000 } from './1732000000000-Initial';
import { Projects1732000000001 } from './1732000000001-Projects';
import { IdempotencyRecords1733000000000 } from './1733000000000-IdempotencyRecords';

/** In order. A migration, once released, is never edited: add a new one. */
export const migrations = [Initial1732000000000, Projects1732000000001, IdempotencyRecords1733000000000];
