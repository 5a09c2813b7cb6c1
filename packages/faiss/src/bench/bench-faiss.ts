/**
 * Micro-benchmark of the binding against Debian's Python FAISS on the same data:
 * batch QPS and single-query latency for an IVF-Flat index, and how many GB/s of
 * stored vectors the batch search scans against the machine's read bandwidth.
 *   npm run bench:faiss -- [--n 1000000] [--dim 128] [--nlist 1024] [--nprobe 16] [--queries 10000]
 *                          [--build avx2|generic] [--skip-python]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type AddonBuild,
  FaissIndex,
  faissBuild,
  faissVersion,
  getNumThreads,
  measureReadBandwidth,
} from '../index.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    dim: { type: 'string', default: '128' },
    nlist: { type: 'string', default: '1024' },
    nprobe: { type: 'string', default: '16' },
    queries: { type: 'string', default: '10000' },
    single: { type: 'string', default: '1000' },
    build: { type: 'string' },
    'skip-python': { type: 'boolean', default: false },
  },
});
const build = values.build as AddonBuild | undefined;
const n = Number(values.n);
const dim = Number(values.dim);
const nlist = Number(values.nlist);
const nprobe = Number(values.nprobe);
const nq = Number(values.queries);
const singles = Math.min(Number(values.single), nq);
const k = 10;
const trainSize = Math.min(n, nlist * 50);

interface Timing {
  batchQps: number;
  singleP50Ms: number;
  singleP99Ms: number;
  addVps: number;
}

function gaussianMixture(rows: number, seed: number): Float32Array {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const clusters = 256;
  const centres = Float32Array.from({ length: clusters * dim }, () => random() * 20);
  const out = new Float32Array(rows * dim);
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(random() * clusters);
    for (let j = 0; j < dim; j++) {
      const gauss = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      out[i * dim + j] = centres[c * dim + j] + gauss;
    }
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeBinding(
  base: Float32Array,
  queries: Float32Array,
): Promise<Timing & { labels: BigInt64Array }> {
  const index = FaissIndex.create(dim, `IVF${nlist},Flat`, 'l2', { build });
  await index.train(base.subarray(0, trainSize * dim));
  const ids = BigInt64Array.from({ length: n }, (_, i) => BigInt(i));
  let t = performance.now();
  await index.add(base, ids);
  const addVps = n / ((performance.now() - t) / 1000);
  await index.search(queries.subarray(0, 100 * dim), k, { nprobe }); // warm-up
  t = performance.now();
  const batch = await index.search(queries, k, { nprobe });
  const batchQps = nq / ((performance.now() - t) / 1000);
  const latencies: number[] = [];
  for (let i = 0; i < singles; i++) {
    const s = performance.now();
    await index.search(queries.subarray(i * dim, (i + 1) * dim), k, { nprobe });
    latencies.push(performance.now() - s);
  }
  latencies.sort((a, b) => a - b);
  return {
    batchQps,
    addVps,
    singleP50Ms: percentile(latencies, 50),
    singleP99Ms: percentile(latencies, 99),
    labels: batch.labels,
  };
}

function timePython(dir: string): (Timing & { labels: BigInt64Array }) | undefined {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return undefined;
  const script = `
import faiss, numpy as np, sys, time, json
d, n, nlist, nprobe, k, nq, singles, train = ${dim}, ${n}, ${nlist}, ${nprobe}, ${k}, ${nq}, ${singles}, ${trainSize}
faiss.omp_set_num_threads(${getNumThreads()})
xb = np.fromfile(sys.argv[1] + '/base.f32', dtype='float32').reshape(-1, d)
xq = np.fromfile(sys.argv[1] + '/queries.f32', dtype='float32').reshape(-1, d)
index = faiss.index_factory(d, f'IVF{nlist},Flat')
index.train(xb[:train])
t = time.perf_counter(); index.add_with_ids(xb, np.arange(n, dtype='int64')); add = n / (time.perf_counter() - t)
p = faiss.SearchParametersIVF(); p.nprobe = nprobe
index.search(xq[:100], k, params=p)
t = time.perf_counter(); _, labels = index.search(xq, k, params=p); qps = nq / (time.perf_counter() - t)
lat = []
for i in range(singles):
    s = time.perf_counter(); index.search(xq[i:i+1], k, params=p); lat.append((time.perf_counter() - s) * 1000)
lat.sort()
labels.astype('int64').tofile(sys.argv[1] + '/labels.i64')
print(json.dumps({'batchQps': qps, 'addVps': add, 'singleP50Ms': lat[len(lat)//2], 'singleP99Ms': lat[min(len(lat)-1, int(len(lat)*0.99))]}))
`;
  try {
    const out = execFileSync(python, ['-c', script, dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const file = readFileSync(join(dir, 'labels.i64'));
    return { ...JSON.parse(out), labels: new BigInt64Array(file.buffer, file.byteOffset, file.length / 8) };
  } catch (error) {
    console.error(
      `Python FAISS not usable (${(error as Error).message.split('\n')[0]}); install python3-faiss`,
    );
    return undefined;
  }
}

/**
 * GB/s of stored vectors a batch search reads: each query scans about nprobe/nlist
 * of the n vectors (the lists are near-equal in size on this data).
 */
function scanGbps(batchQps: number): number {
  return (batchQps * (nprobe / nlist) * n * dim * 4) / 1e9;
}

async function main(): Promise<void> {
  console.error(
    `data: ${n} × ${dim} synthetic, IVF${nlist},Flat, nprobe ${nprobe}, ${getNumThreads()} threads, ` +
      `FAISS ${faissVersion()} ${build ?? faissBuild()} build`,
  );
  const base = gaussianMixture(n, 1);
  const queries = gaussianMixture(nq, 2);
  const dir = mkdtempSync(join(tmpdir(), 'vecshard-bench-faiss-'));
  try {
    writeFileSync(join(dir, 'base.f32'), base);
    writeFileSync(join(dir, 'queries.f32'), queries);
    const ours = await timeBinding(base, queries);
    const python = values['skip-python'] ? undefined : timePython(dir);
    const bandwidth = await measureReadBandwidth(undefined, getNumThreads());
    const rows: [string, number, number | undefined][] = [
      ['batch QPS', ours.batchQps, python?.batchQps],
      ['single-query p50 ms', ours.singleP50Ms, python?.singleP50Ms],
      ['single-query p99 ms', ours.singleP99Ms, python?.singleP99Ms],
      ['add vectors/s', ours.addVps, python?.addVps],
    ];
    console.log('| metric | @vecshard/faiss | Python FAISS | ratio (higher is better) |');
    console.log('|---|---|---|---|');
    for (const [name, value, reference] of rows) {
      const ratio =
        reference === undefined
          ? 'n/a'
          : (name.includes('ms') ? reference / value : value / reference).toFixed(3);
      console.log(`| ${name} | ${value.toFixed(2)} | ${reference?.toFixed(2) ?? 'n/a'} | ${ratio} |`);
    }
    const scan = scanGbps(ours.batchQps);
    console.log(
      `\nIVF-Flat scan (${build ?? faissBuild()} build): ${scan.toFixed(2)} GB/s of ${bandwidth.toFixed(2)} GB/s ` +
        `read bandwidth (${((100 * scan) / bandwidth).toFixed(0)} %)`,
    );
    if (python) {
      const same = ours.labels.every((label, i) => label === python.labels[i]);
      console.log(`\nidentical top-${k} labels to Python FAISS: ${same}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
