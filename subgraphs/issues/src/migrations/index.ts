import { Initial1732000000000 } from './1732000000000-Initial';
import { IdempotencyRecords1733000000000 } from './1733000000000-IdempotencyRecords';

/** In order. A migration, once released, is never edited: add a new one. */
export const migrations = [Initial1732000000000, IdempotencyRecords1733000000000];
