import { Initial1735000000000 } from './1735000000000-Initial';

/** In order. A migration, once released, is never edited: add a new one. */
export const migrations = [Initial1735000000000];
