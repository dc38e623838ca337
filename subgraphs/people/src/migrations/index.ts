import { Initial1732100000000 } from './1732100000000-Initial';

/** In order. A migration, once released, is never edited: add a new one. */
export const migrations = [Initial1732100000000];
