// A shard's field store: rows' typed fields beside the vectors, indexed for filters.
export { FieldStore } from './field-store.js';
export type { ConditionInput, FilterInput, MatchInput, RangeInput } from './filter-input.js';
export { RowSet } from './row-set.js';
