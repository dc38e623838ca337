// The operation limits are kit's: the subgraphs apply them too (subgraphs/kit/src/limits.ts).
export * from '@cadres/kit/src/limits';
