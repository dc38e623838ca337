// Ranking a few aggregates already counted in SQL (one row per ranked unit, e.g. the child
// divisions of a division): the same order as the SQL rankings (departmentRanking,
// assigneeRanking) give, in one place for every subgraph.

/** One unit to rank: a count (denominator null) or a rate's numerator and denominator. */
export interface RankInput<K> {
  key: K;
  /** What ties are broken by: the unit's id or code. */
  id: string;
  numerator: number;
  denominator: number | null;
}

export interface Ranked<K> {
  rank: number;
  key: K;
  /** The count, or numerator / denominator; null when the denominator is 0 (undefined). */
  value: number | null;
  numerator: number;
  denominator: number | null;
}

const valueOf = (r: { numerator: number; denominator: number | null }) =>
  r.denominator == null ? r.numerator : r.denominator === 0 ? null : r.numerator / r.denominator;

/**
 * Highest value first (lowest when ascending); an undefined value last either way; ties share a
 * rank (the next one skips, as SQL's RANK()) and keep id order, so that the order is stable.
 */
export function rankAll<K>(rows: readonly RankInput<K>[], ascending: boolean): Ranked<K>[] {
  const sorted = rows
    .map((r) => ({ ...r, value: valueOf(r) }))
    .sort((a, b) => {
      if (a.value == null || b.value == null) return a.value == null && b.value == null ? cmp(a.id, b.id) : a.value == null ? 1 : -1;
      return (ascending ? a.value - b.value : b.value - a.value) || cmp(a.id, b.id);
    });
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.value !== sorted[i - 1].value) rank = i + 1;
    return { rank, key: r.key, value: r.value, numerator: r.numerator, denominator: r.denominator };
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A RankedDivision as the subgraphs that rank divisions return it (the division a reference). */
export interface RankedDivisionRow {
  rank: number;
  division: { code: string };
  value: number | null;
  numerator: number;
  denominator: number | null;
}

/** The rows of a division ranking: the children's codes ranked, as RankedDivision rows. */
export const rankedDivisions = (rows: readonly RankInput<string>[], ascending: boolean): RankedDivisionRow[] =>
  rankAll(rows, ascending).map((r) => ({ rank: r.rank, division: { code: r.key }, value: r.value, numerator: r.numerator, denominator: r.denominator }));
