import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIdx } from './idx.js';
import type { VectorSet } from './vector-set.js';

const TRAIN_IMAGES = 'train-images-idx3-ubyte.gz';
const TEST_IMAGES = 't10k-images-idx3-ubyte.gz';

/** The repository root: this file is packages/datasets/{src,dist}/fashion-mnist.*, both three levels down. */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Where Fashion-MNIST is looked for: the Debian package dataset-fashion-mnist,
 * then a shared/ folder beside the repository, inside it, or beside the
 * working directory.
 */
export function fashionMnistDirs(): string[] {
  return [
    '/usr/share/datasets/fashion-mnist',
    resolve(REPO_ROOT, '..', 'shared', 'datasets', 'fashion-mnist'),
    resolve(REPO_ROOT, 'shared', 'datasets', 'fashion-mnist'),
    resolve(process.cwd(), '..', 'shared', 'datasets', 'fashion-mnist'),
  ];
}

/** The first folder holding the Fashion-MNIST IDX files, or undefined. */
export function findFashionMnist(dir?: string): string | undefined {
  const candidates = dir ? [dir] : fashionMnistDirs();
  return candidates.find((d) => existsSync(join(d, TRAIN_IMAGES)) && existsSync(join(d, TEST_IMAGES)));
}

/** Fashion-MNIST images as 784-dimensional float32 vectors (pixels 0..255): 60k training, 10k test. */
export function readFashionMnist(
  dir?: string,
  limits: { train?: number; test?: number } = {},
): { train: VectorSet; test: VectorSet } {
  const found = findFashionMnist(dir);
  if (!found) {
    const looked = dir ? [dir] : fashionMnistDirs();
    throw new Error(
      `Fashion-MNIST not found (looked in ${looked.join(', ')}); ` +
        'install the Debian package dataset-fashion-mnist or pass the folder holding the IDX files',
    );
  }
  return {
    train: readIdx(join(found, TRAIN_IMAGES), { to: limits.train }),
    test: readIdx(join(found, TEST_IMAGES), { to: limits.test }),
  };
}
