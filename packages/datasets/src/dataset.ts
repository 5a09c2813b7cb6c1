import { basename } from 'node:path';
import { readFashionMnist } from './fashion-mnist.js';
import { gaussianMixture } from './synthetic.js';
import { readIvecs } from './vecs.js';
import { readVectorFile } from './vector-file.js';

/** Base vectors to index and queries to ask, with their exact neighbours when a file supplies them. */
export interface Dataset {
  /** Names the data and its size, e.g. `synthetic-n50000-d64-c64-s1` (goes into reports). */
  name: string;
  dim: number;
  count: number;
  base: Float32Array;
  queryCount: number;
  queries: Float32Array;
  /** Exact neighbours (row numbers in base), `k` per query, when the dataset came with them. */
  groundTruth?: { ids: Int32Array; k: number };
}

export type DatasetSpec =
  | {
      kind: 'synthetic';
      count: number;
      queries: number;
      dim: number;
      clusters: number;
      noise: number;
      seed: number;
    }
  | { kind: 'fashion-mnist'; dir?: string; count?: number; queries: number }
  | {
      kind: 'files';
      base: string;
      queriesFile?: string;
      groundTruth?: string;
      count?: number;
      queries: number;
    };

const DEFAULT_QUERIES = 1000;

/**
 * Parses a dataset description:
 * - `synthetic:count=50000,dim=64,clusters=64,noise=0.5,seed=1,queries=1000` (every key optional)
 * - `fashion-mnist` or `fashion-mnist:dir=/path,queries=1000,count=60000`
 * - `file:base.fvecs,queries=query.fvecs,gt=groundtruth.ivecs,nq=1000,count=N` — .fvecs, .bvecs, .npy or
 *   IDX; `count` reads only the first N base vectors, `nq` caps the queries; without a query file the
 *   last `nq` base vectors are held out as queries.
 */
export function parseDatasetSpec(text: string): DatasetSpec {
  const [kind, rest = ''] = splitOnce(text.trim(), ':');
  if (!['synthetic', 'fashion-mnist', 'file'].includes(kind)) {
    throw new Error(`unknown dataset "${kind}" (use synthetic:…, fashion-mnist or file:PATH)`);
  }
  const parts = rest === '' ? [] : rest.split(',');
  const positional = kind === 'file' ? parts.shift() : undefined;
  const keys = new Map(
    parts.map((part) => {
      const [key, value] = splitOnce(part, '=');
      if (value === undefined) throw new Error(`dataset option "${part}" is not key=value`);
      return [key.trim(), value.trim()] as const;
    }),
  );
  const number = (key: string, fallback?: number): number | undefined => {
    const value = keys.get(key);
    keys.delete(key);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    // Only the noise level may be fractional; sizes, counts and seeds are whole numbers.
    const whole = key !== 'noise';
    if (!Number.isFinite(parsed) || parsed < 0 || (whole && !Number.isInteger(parsed))) {
      throw new Error(`dataset option ${key}=${value} is not ${whole ? 'a whole number' : 'a number'} ≥ 0`);
    }
    return parsed;
  };
  const string = (key: string) => {
    const value = keys.get(key);
    keys.delete(key);
    return value;
  };
  let spec: DatasetSpec;
  if (kind === 'synthetic') {
    spec = {
      kind,
      count: number('count', 50_000)!,
      queries: number('queries', DEFAULT_QUERIES)!,
      dim: number('dim', 64)!,
      clusters: number('clusters', 64)!,
      noise: number('noise', 0.5)!,
      seed: number('seed', 1)!,
    };
  } else if (kind === 'fashion-mnist') {
    spec = { kind, dir: string('dir'), count: number('count'), queries: number('queries', DEFAULT_QUERIES)! };
  } else {
    if (!positional) throw new Error('file dataset needs a path: file:PATH[,queries=PATH][,gt=PATH]');
    spec = {
      kind: 'files',
      base: positional,
      queriesFile: string('queries'),
      groundTruth: string('gt'),
      count: number('count'),
      queries: number('nq', DEFAULT_QUERIES)!,
    };
  }
  if (keys.size > 0) throw new Error(`unknown dataset option(s): ${[...keys.keys()].join(', ')}`);
  return spec;
}

/** Reads or generates the dataset a spec describes. */
export function loadDataset(spec: DatasetSpec): Dataset {
  if (spec.kind === 'synthetic') {
    const { base, queries } = gaussianMixture(spec);
    const name = `synthetic-n${spec.count}-d${spec.dim}-c${spec.clusters}-s${spec.seed}`;
    return { name, dim: spec.dim, count: spec.count, base, queryCount: spec.queries, queries };
  }
  if (spec.kind === 'fashion-mnist') {
    const { train, test } = readFashionMnist(spec.dir, { train: spec.count, test: spec.queries });
    return {
      name: `fashion-mnist-n${train.count}`,
      dim: train.dim,
      count: train.count,
      base: train.vectors,
      queryCount: test.count,
      queries: test.vectors,
    };
  }
  return loadFiles(spec);
}

function loadFiles(spec: Extract<DatasetSpec, { kind: 'files' }>): Dataset {
  const base = readVectorFile(spec.base, { to: spec.count });
  let queries: Float32Array;
  let count = base.count;
  if (spec.queriesFile) {
    const set = readVectorFile(spec.queriesFile, { to: spec.queries });
    if (set.dim !== base.dim) {
      throw new Error(`queries are ${set.dim}-dimensional but the base vectors are ${base.dim}-dimensional`);
    }
    queries = set.vectors;
  } else {
    // Hold out the tail of the base as queries, so they are not their own nearest neighbours.
    if (spec.queries >= base.count)
      throw new Error(`cannot hold out ${spec.queries} queries from ${base.count} vectors`);
    count = base.count - spec.queries;
    queries = base.vectors.slice(count * base.dim);
  }
  const dataset: Dataset = {
    name: `${basename(spec.base)}-n${count}`,
    dim: base.dim,
    count,
    base: base.vectors.subarray(0, count * base.dim),
    queryCount: queries.length / base.dim,
    queries,
  };
  if (spec.groundTruth) {
    // A supplied ground truth is only valid for the whole base and the query file it was computed on.
    if (spec.count !== undefined || !spec.queriesFile) {
      throw new Error('a ground-truth file needs a query file and the whole base (no count=)');
    }
    const gt = readIvecs(spec.groundTruth, { to: dataset.queryCount });
    dataset.groundTruth = { ids: gt.values, k: gt.dim };
  }
  return dataset;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
