/** Seeded clustered data for the binding's tests: deterministic across runs and languages (written to disk). */
export function clusteredVectors(n: number, dim: number, clusters: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  const centres = new Float32Array(clusters * dim);
  for (let i = 0; i < centres.length; i++) centres[i] = random() * 10;
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(random() * clusters);
    for (let j = 0; j < dim; j++) out[i * dim + j] = centres[c * dim + j] + gaussian(random);
  }
  return out;
}

export function sequentialIds(n: number, start = 0): BigInt64Array {
  const ids = new BigInt64Array(n);
  for (let i = 0; i < n; i++) ids[i] = BigInt(start + i);
  return ids;
}

/** Fraction of each query's true top-k found in the result's top-k. */
export function recallAtK(result: BigInt64Array, truth: BigInt64Array, k: number): number {
  const nq = truth.length / k;
  let hits = 0;
  for (let q = 0; q < nq; q++) {
    const expected = new Set(truth.subarray(q * k, q * k + k));
    for (const id of result.subarray(q * k, q * k + k)) if (expected.has(id)) hits++;
  }
  return hits / (nq * k);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
