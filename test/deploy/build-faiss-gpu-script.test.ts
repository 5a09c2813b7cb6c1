import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './kustomize.js';

const SCRIPT = join(REPO_ROOT, 'scripts', 'build-faiss-gpu.sh');
const scratch = mkdtempSync(join(tmpdir(), 'vecshard-faiss-gpu-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function commandPath(name: string): string {
  return spawnSync('bash', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
}
// Absolute, so a test can hand the script a PATH without bash on it.
const BASH = commandPath('bash');

function runScript(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(BASH, [SCRIPT, ...args], { encoding: 'utf8', env });
}

/** Runs a snippet with the script's functions loaded (sourcing it defines, never builds). */
function withFunctions(snippet: string) {
  return spawnSync('bash', ['-c', `set -euo pipefail; source "$1"; ${snippet}`, 'bash', SCRIPT], {
    encoding: 'utf8',
  });
}

/** The top-level CMakeLists.txt lines of FAISS 1.7.3 that the patches rewrite. */
function fakeFaissTree(): string {
  const tree = mkdtempSync(join(scratch, 'faiss-1.7.3-'));
  mkdirSync(join(tree, 'faiss', 'gpu'), { recursive: true });
  writeFileSync(
    join(tree, 'CMakeLists.txt'),
    [
      'project(faiss',
      '  VERSION 1.7.3',
      '  LANGUAGES CXX)',
      'set(CMAKE_CXX_STANDARD 11)',
      'add_subdirectory(faiss)',
      'add_subdirectory(demos)',
      'add_subdirectory(benchs)',
      'add_subdirectory(tutorial/cpp)',
      '',
    ].join('\n'),
  );
  return tree;
}

describe('scripts/build-faiss-gpu.sh', () => {
  it('is valid bash', () => {
    const result = spawnSync('bash', ['-n', SCRIPT], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('documents its options and default GPU architectures', () => {
    const result = runScript(['--help']);
    expect(result.status).toBe(0);
    for (const option of ['--src', '--prefix', '--cuda-archs', '--fetch', '70;80;86;90']) {
      expect(result.stdout).toContain(option);
    }
  });

  it('rejects an unknown option with usage status 2', () => {
    const result = runScript(['--frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
  });

  it('rejects architectures written with dots', () => {
    const result = runScript(['--cuda-archs', '8.0;9.0']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--cuda-archs must look like/);
  });

  it('says what is missing when there is no CUDA compiler', () => {
    const bin = join(scratch, 'bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(commandPath('nproc'), join(bin, 'nproc'));
    const result = runScript(['--src', scratch], { PATH: bin });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('nvcc not found');
  });

  it('gives every architecture machine code and the highest one PTX too', () => {
    const result = withFunctions('cmake_cuda_architectures "70;80;86;90"; cmake_cuda_architectures 90');
    expect(result.stdout.trim().split('\n')).toEqual(['70-real;80-real;86-real;90', '90']);
  });

  it('raises the C++ standard to 17 and builds only the library, idempotently', () => {
    const tree = fakeFaissTree();
    const once = withFunctions(`patch_source "${tree}"`);
    expect(once.stderr).toBe('');
    const afterOnce = readFileSync(join(tree, 'CMakeLists.txt'), 'utf8');
    expect(afterOnce).toContain('set(CMAKE_CXX_STANDARD 17)');
    expect(afterOnce).not.toContain('set(CMAKE_CXX_STANDARD 11)');
    expect(afterOnce).toMatch(/^add_subdirectory\(faiss\)$/m);
    expect(afterOnce).not.toMatch(/^add_subdirectory\((demos|benchs|tutorial\/cpp)\)$/m);

    withFunctions(`patch_source "${tree}"`);
    expect(readFileSync(join(tree, 'CMakeLists.txt'), 'utf8')).toBe(afterOnce);
  });

  it('finds the tree inside a folder that holds faiss-1.7.3/, and refuses other folders', () => {
    const tree = fakeFaissTree();
    const holder = join(scratch, 'holder');
    mkdirSync(holder, { recursive: true });
    symlinkSync(tree, join(holder, 'faiss-1.7.3'));
    expect(withFunctions(`resolve_source_tree "${holder}"`).stdout.trim()).toBe(join(holder, 'faiss-1.7.3'));

    const notFaiss = withFunctions(`resolve_source_tree "${scratch}"`);
    expect(notFaiss.status).toBe(1);
    expect(notFaiss.stderr).toContain('is not a FAISS source tree');
  });
});
