// What the sample resolvers really return for a GraphQL type, where that is not the generated
// object type. scripts/codegen.ts maps the type `X` onto the export `XMapper` here, so that the
// generated resolver types check every parent and every result against it.
import type { SampleNote } from './entities';

export type SampleNoteMapper = SampleNote;

/** A division places owns: this subgraph gets (from the gateway) and gives (to it) the key only. */
export interface DivisionMapper {
  code: string;
}
