import { SeededRandom } from './random.js';

export interface GaussianMixtureOptions {
  /** Vectors in the base set. */
  count: number;
  /** Query vectors, drawn from the same mixture but a different stream. */
  queries: number;
  dim: number;
  /** Mixture components; their centres are standard-normal points. */
  clusters: number;
  /** Standard deviation of every vector around its centre. */
  noise: number;
  seed: number;
}

/**
 * A seeded Gaussian mixture: the same options give bit-identical vectors on
 * every run and machine, so results and cached ground truth are comparable.
 */
export function gaussianMixture(options: GaussianMixtureOptions): {
  base: Float32Array;
  queries: Float32Array;
} {
  const { dim, clusters, noise, seed } = options;
  const centres = mixtureCentres(options);
  // Separate streams for base and queries, so asking for more queries leaves the base unchanged.
  const draw = (count: number, stream: number) => {
    const random = new SeededRandom((seed * 0x9e3779b1 + stream) >>> 0);
    const out = new Float32Array(count * dim);
    drawRows(random, centres, out, count, dim, clusters, noise);
    return out;
  };
  return { base: draw(options.count, 1), queries: draw(options.queries, 2) };
}

/**
 * The same base set as {@link gaussianMixture}, bit for bit, in batches of at
 * most `batchRows` rows (the last may be shorter): a set larger than memory
 * (10M × 128 is 5.1 GB) is made one batch at a time, each a fresh array.
 */
export function* gaussianMixtureBatches(
  options: Omit<GaussianMixtureOptions, 'queries'>,
  batchRows: number,
): Generator<Float32Array, void, undefined> {
  const { dim, clusters, noise, seed } = options;
  if (!Number.isInteger(batchRows) || batchRows < 1)
    throw new RangeError(`batch rows must be ≥ 1, got ${batchRows}`);
  const centres = mixtureCentres(options);
  const random = new SeededRandom((seed * 0x9e3779b1 + 1) >>> 0);
  for (let at = 0; at < options.count; at += batchRows) {
    const rows = Math.min(batchRows, options.count - at);
    const out = new Float32Array(rows * dim);
    drawRows(random, centres, out, rows, dim, clusters, noise);
    yield out;
  }
}

function mixtureCentres(options: Omit<GaussianMixtureOptions, 'queries' | 'count'>): Float32Array {
  const { dim, clusters, noise, seed } = options;
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`dimension must be ≥ 1, got ${dim}`);
  if (!Number.isInteger(clusters) || clusters < 1)
    throw new RangeError(`clusters must be ≥ 1, got ${clusters}`);
  if (!(noise >= 0)) throw new RangeError(`noise must be ≥ 0, got ${noise}`);
  const centreRandom = new SeededRandom(seed);
  const centres = new Float32Array(clusters * dim);
  for (let i = 0; i < centres.length; i++) centres[i] = centreRandom.normal();
  return centres;
}

function drawRows(
  random: SeededRandom,
  centres: Float32Array,
  out: Float32Array,
  count: number,
  dim: number,
  clusters: number,
  noise: number,
): void {
  for (let row = 0; row < count; row++) {
    const centre = random.int(clusters) * dim;
    for (let d = 0; d < dim; d++) out[row * dim + d] = centres[centre + d] + noise * random.normal();
  }
}
