export { type Dataset, type DatasetSpec, loadDataset, parseDatasetSpec } from './dataset.js';
export { fashionMnistDirs, findFashionMnist, readFashionMnist } from './fashion-mnist.js';
export { readIdx } from './idx.js';
export { type NpyDtype, type NpyShape, npyShape, readNpy, writeNpy } from './npy.js';
export { SeededRandom } from './random.js';
export { type GaussianMixtureOptions, gaussianMixture, gaussianMixtureBatches } from './synthetic.js';
export {
  readIvecs,
  readVecs,
  type VecsKind,
  type VecsShape,
  vecsShape,
  writeBvecs,
  writeFvecs,
  writeIvecs,
} from './vecs.js';
export { readVectorFile, type VectorFileFormat, vectorFileFormat, vectorFileShape } from './vector-file.js';
export { type RowRange, rowsOf, sequentialIds, type VectorSet, vectorSet } from './vector-set.js';
