import type { Filter } from '@vecshard/client';
import { type DocumentFields, tagName } from './document-fields.js';
import { SELECTIVITIES } from './filtered-config.js';
import { PRICE_RANGE, TAG_VOCABULARY } from './synthetic-fields.js';

/** What a case filters on: nothing (the unfiltered baseline), a DOUBLE range, a KEYWORD, a KEYWORDS set. */
export type FilterKind = 'none' | 'range' | 'keyword' | 'keywords';

/** One filter of the benchmark, with the rows it selects computed here, apart from the cluster. */
export interface FilterCase {
  /** The expression sent to the cluster; undefined for the unfiltered baseline. */
  expression?: string;
  /** The same filter as an object (what a client sends one hop, where expressions are not parsed). */
  filter?: Filter;
  kind: FilterKind;
  /** The share the case was built to select (price ranges and the baseline), undefined for keywords. */
  target?: number;
  /** Matching row numbers (= ids), ascending. */
  matches: BigInt64Array;
  /** matches.length / rows. */
  selectivity: number;
}

/** Share the tag filter aims at: the tag whose rows come nearest to it is chosen. */
const TAG_TARGET = 0.1;

/** The Fashion-MNIST class the keyword filter selects (every class is 10 % of the images). */
const LABEL = 3;

/**
 * The cases of one dataset: unfiltered, price ranges at each selectivity,
 * `label == '3'` where there are labels, and the tag nearest 10 %.
 */
export function filterCases(fields: DocumentFields, rows: number): FilterCase[] {
  const cases: FilterCase[] = [
    { kind: 'none', target: 1, ...selecting(rows, () => true) },
    ...SELECTIVITIES.map((share) => priceCase(fields, rows, share)),
  ];
  const { label } = fields;
  if (label) {
    cases.push({
      expression: `label == '${LABEL}'`,
      filter: { must: [{ match: { field: 'label', keywords: [String(LABEL)] } }] },
      kind: 'keyword',
      ...selecting(rows, (r) => label[r] === LABEL),
    });
  }
  const tag = tagNearest(fields, rows, TAG_TARGET);
  cases.push({
    expression: `tags in ['${tagName(tag)}']`,
    filter: { must: [{ match: { field: 'tags', keywords: [tagName(tag)] } }] },
    kind: 'keywords',
    ...selecting(rows, (r) => hasTag(fields, r, tag)),
  });
  return cases;
}

/** `price < 1000·share`, written with no float noise (1000 × 0.001 prints as 1). */
function priceCase(fields: DocumentFields, rows: number, share: number): FilterCase {
  const below = Number((PRICE_RANGE * share).toPrecision(12));
  return {
    expression: `price < ${below}`,
    filter: { must: [{ range: { field: 'price', lt: below } }] },
    kind: 'range',
    target: share,
    ...selecting(rows, (r) => fields.price[r] < below),
  };
}

function selecting(rows: number, keep: (row: number) => boolean) {
  const picked: bigint[] = [];
  for (let r = 0; r < rows; r++) if (keep(r)) picked.push(BigInt(r));
  return { matches: BigInt64Array.from(picked), selectivity: picked.length / rows };
}

function hasTag(fields: DocumentFields, row: number, tag: number): boolean {
  const { offsets, values } = fields.tags;
  for (let i = offsets[row]; i < offsets[row + 1]; i++) if (values[i] === tag) return true;
  return false;
}

function tagNearest(fields: DocumentFields, rows: number, share: number): number {
  const counts = new Float64Array(TAG_VOCABULARY);
  for (const tag of fields.tags.values) counts[tag]++;
  let best = 0;
  for (let t = 1; t < TAG_VOCABULARY; t++)
    if (Math.abs(counts[t] / rows - share) < Math.abs(counts[best] / rows - share)) best = t;
  return best;
}

/** The case's name in reports: its expression, or `unfiltered`. */
export function caseName(filter: { expression?: string }): string {
  return filter.expression ?? 'unfiltered';
}
