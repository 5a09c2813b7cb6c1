import type { ExpectedPlan } from './filtered-row.js';

/** Up to this share of the rows every filtered search is exact (EXACT_SELECTIVITY in @vecshard/proto). */
const EXACT_SELECTIVITY = 0.01;
/** Matches up to this many times the rows an IVF scan reads are searched exactly (EXACT_OVER_SCANNED). */
const EXACT_OVER_SCANNED = 4;

/**
 * The plan the coordinator picks for a filter (`choosePlan` in
 * packages/coordinator/src/filters/search-plan.ts, restated here because the
 * benchmark does not depend on the coordinator): exact over the matches when
 * they are at most 1 % of the rows or 4× the rows an IVF scan at nprobe reads,
 * IVF with a selector otherwise. With matches spread evenly, each shard then
 * makes the same choice alone. Only labels the report, which it helps read.
 */
export function expectedPlan(matches: number, rows: number, nprobe: number, nlist: number): ExpectedPlan {
  const scanned = (rows * nprobe) / nlist;
  return matches <= Math.max(EXACT_SELECTIVITY * rows, EXACT_OVER_SCANNED * scanned) ? 'exact' : 'ivf';
}

/** The list count of an IVF factory string (`IVF512,Flat` → 512). */
export function nlistOf(factory: string): number {
  const lists = /^IVF(\d+)/.exec(factory)?.[1];
  if (!lists) throw new Error(`${factory}: not an IVF factory string`);
  return Number(lists);
}
