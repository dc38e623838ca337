// What enterprises' resolvers return for a GraphQL type, where that is neither the generated
// object type, nor the entity of the same name, nor a kit Connection: scripts/codegen.ts maps the
// type `X` onto the export `XMapper` here, so that the generated resolver types check every parent
// and every result against it.
import type { ProjectProgress } from './entities';

/** A report as stored: progress in basis points (the resolver divides). */
export type ProgressReportMapper = ProjectProgress;

/** Divisions are places': enterprises' resolvers get and give the key only. */
export type DivisionMapper = { code: string };
