import { type Dataset, findFashionMnist, loadDataset } from '@vecshard/datasets';
import type { DocumentFields } from './document-fields.js';
import { fashionMnistLabels } from './fashion-labels.js';
import type { FilteredRun } from './filtered-config.js';
import { syntheticFields } from './synthetic-fields.js';

export interface FilteredDataset {
  dataset: Dataset;
  fields: DocumentFields;
}

/**
 * The vectors and the fields stored with them: the synthetic price and tags
 * for every dataset, plus the class label for Fashion-MNIST. Undefined when
 * Fashion-MNIST is asked for and not installed, so the rest of the run goes on.
 */
export function loadFilteredDataset(run: FilteredRun, fieldSeed: number): FilteredDataset | undefined {
  const spec = run.dataset;
  if (spec.kind === 'fashion-mnist' && !findFashionMnist(spec.dir)) return undefined;
  const dataset = loadDataset(spec);
  const fields = syntheticFields(dataset.count, fieldSeed);
  if (spec.kind === 'fashion-mnist') fields.label = fashionMnistLabels(dataset.count, spec.dir);
  return { dataset, fields };
}
