import { Initial1732000000000 } from './1732000000000-Initial';
import { IdempotencyRecords1733000000000 } from './1733000000000-IdempotencyRecords';
import { DutiesApart1734000000000 } from './1734000000000-DutiesApart';
import { Measuring1735000000000 } from './1735000000000-Measuring';
import { JointHandling1736000000000 } from './1736000000000-JointHandling';
import { Demands1736100000000 } from './1736100000000-Demands';

/** In order. A migration, once released, is never edited: add a new one. */
export const migrations = [Initial1732000000000, IdempotencyRecords1733000000000, DutiesApart1734000000000, Measuring1735000000000, JointHandling1736000000000, Demands1736100000000];
