import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadDataset, parseDatasetSpec } from '../src/dataset.js';
import { fashionMnistDirs, readFashionMnist } from '../src/fashion-mnist.js';
import { readIdx } from '../src/idx.js';
import { npyShape, readNpy, writeNpy } from '../src/npy.js';
import { readIvecs, readVecs, vecsShape, writeBvecs, writeFvecs, writeIvecs } from '../src/vecs.js';
import { readVectorFile, vectorFileFormat, vectorFileShape } from '../src/vector-file.js';
import { tempDir } from './temp-dir.js';

const DIM = 3;
const FLOATS = Float32Array.from([0.5, -1.25, 3, 4, 5.5, -6, 7, 8, 9.75, -10, 11, 12]);

describe('vecs files', () => {
  it('reads back fvecs, with shape and row ranges', () => {
    const file = join(tempDir(), 'base.fvecs');
    writeFvecs(file, FLOATS, DIM);
    expect(vecsShape(file, 'fvecs')).toEqual({ kind: 'fvecs', dim: DIM, count: 4 });
    expect(readVecs(file, 'fvecs').vectors).toEqual(FLOATS);
    const middle = readVecs(file, 'fvecs', { from: 1, to: 3 });
    expect(middle.count).toBe(2);
    expect(middle.vectors).toEqual(FLOATS.subarray(3, 9));
  });

  it('reads bvecs bytes as float32 0..255', () => {
    const file = join(tempDir(), 'base.bvecs');
    const bytes = Uint8Array.from([0, 1, 255, 128, 7, 9]);
    writeBvecs(file, bytes, DIM);
    const set = readVecs(file, 'bvecs');
    expect(set.count).toBe(2);
    expect([...set.vectors]).toEqual([0, 1, 255, 128, 7, 9]);
  });

  it('reads back ivecs', () => {
    const file = join(tempDir(), 'gt.ivecs');
    const values = Int32Array.from([5, -1, 70000, 3, 2, 1]);
    writeIvecs(file, values, 2);
    expect(readIvecs(file)).toEqual({ values, dim: 2, count: 3 });
  });

  it('rejects a file whose size is not whole rows, and a row declaring another dimension', () => {
    const dir = tempDir();
    const ragged = join(dir, 'ragged.fvecs');
    writeFvecs(ragged, FLOATS, DIM);
    writeFileSync(ragged, Buffer.concat([Buffer.from(Uint8Array.from([3, 0, 0, 0])), Buffer.alloc(10)]));
    expect(() => readVecs(ragged, 'fvecs')).toThrow(/not a whole number/);
    const mixed = join(dir, 'mixed.fvecs');
    const row = (dim: number) => Buffer.concat([Buffer.from(Int32Array.from([dim]).buffer), Buffer.alloc(8)]);
    writeFileSync(mixed, Buffer.concat([row(2), row(2), row(3).subarray(0, 12)]));
    expect(() => readVecs(mixed, 'fvecs')).toThrow(/row 2 declares dimension 3/);
  });
});

describe('.npy files', () => {
  it('reads float32, and converts float64 and uint8', () => {
    const dir = tempDir();
    writeNpy(join(dir, 'f4.npy'), FLOATS, DIM);
    writeNpy(join(dir, 'f8.npy'), Float64Array.from(FLOATS), DIM);
    writeNpy(join(dir, 'u1.npy'), Uint8Array.from([1, 2, 3, 250, 251, 252]), DIM);
    expect(readNpy(join(dir, 'f4.npy')).vectors).toEqual(FLOATS);
    expect(readNpy(join(dir, 'f8.npy')).vectors).toEqual(FLOATS);
    const bytes = readNpy(join(dir, 'u1.npy'));
    expect(bytes.count).toBe(2);
    expect([...bytes.vectors]).toEqual([1, 2, 3, 250, 251, 252]);
    expect(npyShape(join(dir, 'f8.npy'))).toMatchObject({ dtype: 'float64', dim: DIM, count: 4 });
    expect(readNpy(join(dir, 'f4.npy'), { from: 3 }).vectors).toEqual(FLOATS.subarray(9));
  });

  it('reads a version-2 header as NumPy writes it', () => {
    const file = join(tempDir(), 'v2.npy');
    const dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    const header = dict + ' '.repeat(64 - ((12 + dict.length + 1) % 64)) + '\n';
    const prefix = Buffer.from([0x93, ...Buffer.from('NUMPY'), 2, 0, 0, 0, 0, 0]);
    prefix.writeUInt32LE(header.length, 8);
    const data = FLOATS.subarray(0, 6);
    writeFileSync(
      file,
      Buffer.concat([prefix, Buffer.from(header), Buffer.from(data.buffer, data.byteOffset, 24)]),
    );
    expect(readNpy(file).vectors).toEqual(data);
  });

  it('explains what it cannot read', () => {
    const dir = tempDir();
    const write = (name: string, dict: string) => {
      const header = `${dict}\n`;
      const prefix = Buffer.from([0x93, ...Buffer.from('NUMPY'), 1, 0, 0, 0]);
      prefix.writeUInt16LE(header.length, 8);
      writeFileSync(join(dir, name), Buffer.concat([prefix, Buffer.from(header), Buffer.alloc(64)]));
      return join(dir, name);
    };
    expect(() =>
      readNpy(write('f.npy', "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }")),
    ).toThrow(/Fortran/);
    expect(() =>
      readNpy(write('i.npy', "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }")),
    ).toThrow(/<i8 is not supported/);
    expect(() =>
      readNpy(write('1d.npy', "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }")),
    ).toThrow(/2-D/);
    writeFileSync(join(dir, 'x.npy'), 'not numpy at all');
    expect(() => readNpy(join(dir, 'x.npy'))).toThrow(/not a .npy file/);
  });
});

describe('IDX files', () => {
  const idx = (type: number, sizes: number[], data: Buffer) => {
    const header = Buffer.alloc(4 + 4 * sizes.length);
    header[2] = type;
    header[3] = sizes.length;
    sizes.forEach((size, i) => {
      header.writeUInt32BE(size, 4 + 4 * i);
    });
    return Buffer.concat([header, data]);
  };

  it('flattens gzip ubyte images into vectors', () => {
    const file = join(tempDir(), 'images-idx3-ubyte.gz');
    const pixels = Buffer.from([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 255]);
    writeFileSync(file, gzipSync(idx(0x08, [3, 2, 2], pixels)));
    const set = readIdx(file);
    expect({ dim: set.dim, count: set.count }).toEqual({ dim: 4, count: 3 });
    expect([...set.vectors]).toEqual([...pixels]);
    expect([...readIdx(file, { from: 2 }).vectors]).toEqual([80, 90, 100, 255]);
  });

  it('reads big-endian floats from an uncompressed file', () => {
    const file = join(tempDir(), 'vectors.idx');
    const data = Buffer.alloc(16);
    [1.5, -2, 3.25, 4].forEach((v, i) => {
      data.writeFloatBE(v, i * 4);
    });
    writeFileSync(file, idx(0x0d, [2, 2], data));
    expect([...readIdx(file).vectors]).toEqual([1.5, -2, 3.25, 4]);
  });

  it('rejects a file shorter than its header says', () => {
    const file = join(tempDir(), 'short-ubyte');
    writeFileSync(file, idx(0x08, [10, 4], Buffer.alloc(8)));
    expect(() => readIdx(file)).toThrow(/shorter than its header/);
  });
});

describe('vector files by name', () => {
  it('picks the reader from the extension', () => {
    const dir = tempDir();
    writeFvecs(join(dir, 'a.fvecs'), FLOATS, DIM);
    writeNpy(join(dir, 'a.npy'), FLOATS, DIM);
    expect(vectorFileFormat('x/train-images-idx3-ubyte.gz')).toBe('idx');
    expect(vectorFileShape(join(dir, 'a.npy'))).toEqual({ format: 'npy', dim: DIM, count: 4 });
    expect(readVectorFile(join(dir, 'a.fvecs')).vectors).toEqual(readVectorFile(join(dir, 'a.npy')).vectors);
    expect(() => vectorFileFormat('data.csv')).toThrow(/unknown vector file type/);
  });
});

describe('dataset specs', () => {
  it('parses every kind with defaults and rejects unknown options', () => {
    expect(parseDatasetSpec('synthetic:count=100,dim=8')).toMatchObject({
      kind: 'synthetic',
      count: 100,
      dim: 8,
      queries: 1000,
    });
    expect(parseDatasetSpec('fashion-mnist:queries=5')).toMatchObject({ kind: 'fashion-mnist', queries: 5 });
    expect(parseDatasetSpec('file:/d/base.fvecs,queries=/d/q.fvecs,nq=10')).toMatchObject({
      kind: 'files',
      base: '/d/base.fvecs',
      queriesFile: '/d/q.fvecs',
      queries: 10,
    });
    expect(() => parseDatasetSpec('synthetic:colour=red')).toThrow(/unknown dataset option/);
    expect(() => parseDatasetSpec('parquet:x')).toThrow(/unknown dataset/);
    expect(() => parseDatasetSpec('synthetic:count=many')).toThrow(/not a whole number/);
  });

  it('holds out the tail of a file as queries when no query file is given', () => {
    const file = join(tempDir(), 'base.fvecs');
    writeFvecs(file, FLOATS, DIM);
    const dataset = loadDataset(parseDatasetSpec(`file:${file},nq=1`));
    expect(dataset).toMatchObject({ dim: DIM, count: 3, queryCount: 1 });
    expect(dataset.queries).toEqual(FLOATS.subarray(9));
    expect(dataset.base).toEqual(FLOATS.subarray(0, 9));
  });

  it('takes ground truth from a file next to a query file', () => {
    const dir = tempDir();
    writeFvecs(join(dir, 'base.fvecs'), FLOATS, DIM);
    writeFvecs(join(dir, 'query.fvecs'), FLOATS.subarray(0, 6), DIM);
    writeIvecs(join(dir, 'gt.ivecs'), Int32Array.from([0, 1, 1, 2]), 2);
    const spec = `file:${join(dir, 'base.fvecs')},queries=${join(dir, 'query.fvecs')},gt=${join(dir, 'gt.ivecs')}`;
    const dataset = loadDataset(parseDatasetSpec(spec));
    expect(dataset.queryCount).toBe(2);
    expect(dataset.groundTruth).toEqual({ ids: Int32Array.from([0, 1, 1, 2]), k: 2 });
  });
});

describe('Fashion-MNIST', () => {
  it('reads the IDX images as 784-dimensional vectors', () => {
    const { train, test } = readFashionMnist(undefined, { train: 100, test: 10 });
    expect({ dim: train.dim, count: train.count }).toEqual({ dim: 784, count: 100 });
    expect({ dim: test.dim, count: test.count }).toEqual({ dim: 784, count: 10 });
    expect(Math.max(...train.vectors)).toBeLessThanOrEqual(255);
    expect(Math.max(...train.vectors)).toBeGreaterThan(0);
  });

  it('looks in shared/ beside and inside the repository, wherever the package sits', () => {
    const repo = fileURLToPath(new URL('../../../', import.meta.url));
    expect(fashionMnistDirs()).toEqual(
      expect.arrayContaining([
        '/usr/share/datasets/fashion-mnist',
        resolve(repo, '..', 'shared', 'datasets', 'fashion-mnist'),
        resolve(repo, 'shared', 'datasets', 'fashion-mnist'),
      ]),
    );
  });

  it('says where it looked when the files are missing', () => {
    const dir = tempDir();
    expect(() => readFashionMnist(dir)).toThrow(new RegExp(`not found \\(looked in ${dir}\\)`));
  });
});
