import { join } from 'node:path';
import { findFashionMnist, readIdx } from '@vecshard/datasets';

const TRAIN_LABELS = 'train-labels-idx1-ubyte.gz';

/**
 * The class (0–9) of the first `count` Fashion-MNIST training images, in the
 * order the images are read, from the label file beside them (the Debian
 * package dataset-fashion-mnist ships it).
 */
export function fashionMnistLabels(count: number, dir?: string): Uint8Array {
  const found = findFashionMnist(dir);
  if (!found) throw new Error('Fashion-MNIST not found (install the Debian package dataset-fashion-mnist)');
  const labels = readIdx(join(found, TRAIN_LABELS), { to: count });
  if (labels.count !== count || labels.dim !== 1)
    throw new Error(`${TRAIN_LABELS}: ${labels.count} × ${labels.dim} labels for ${count} images`);
  return Uint8Array.from(labels.vectors);
}
