import { Initial1732100000000 } from './1732100000000-Initial';
import { HouseholdsVisits1732200000000 } from './1732200000000-HouseholdsVisits';
import { IdempotencyRecords1733000000000 } from './1733000000000-IdempotencyRecords';
import { IdNumberReads1734000000000 } from './1734000000000-IdNumberReads';
import { DepartmentVersions1735100000000 } from './1735100000000-DepartmentVersions';
import { CampaignsHelp1735300000000 } from './1735300000000-CampaignsHelp';
import { VisitDays1735400000000 } from './1735400000000-VisitDays';
import { FieldWork1735600000000 } from './1735600000000-FieldWork';
import { PledgeDates1735700000000 } from './1735700000000-PledgeDates';
import { VisitCoveringIndex1735800000000 } from './1735800000000-VisitCoveringIndex';
import { LiaisonCoveringIndexes1735900000000 } from './1735900000000-LiaisonCoveringIndexes';
import { VisitPlace1736000000000 } from './1736000000000-VisitPlace';

/** In order. A migration, once released, is never edited: add a new one. */
export const migrations = [Initial1732100000000, HouseholdsVisits1732200000000, IdempotencyRecords1733000000000, IdNumberReads1734000000000, DepartmentVersions1735100000000, CampaignsHelp1735300000000, VisitDays1735400000000, FieldWork1735600000000, PledgeDates1735700000000, VisitCoveringIndex1735800000000, LiaisonCoveringIndexes1735900000000, VisitPlace1736000000000];
