import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './kustomize.js';

const SCRIPT = join(REPO_ROOT, 'scripts', 'build-faiss-simd.sh');
const scratch = mkdtempSync(join(tmpdir(), 'vecshard-faiss-simd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function commandPath(name: string): string {
  return spawnSync('bash', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
}
const BASH = commandPath('bash');

function runScript(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(BASH, [SCRIPT, ...args], { encoding: 'utf8', env });
}

/** A PATH holding only the named commands (as links), to test what the script says when others are missing. */
function pathWith(names: string[]): string {
  const bin = mkdtempSync(join(scratch, 'bin-'));
  for (const name of names) symlinkSync(commandPath(name), join(bin, name));
  return bin;
}

const BASICS = ['nproc', 'sha256sum', 'cut', 'head', 'printf', 'mkdir', 'mktemp', 'rm', 'sed'];

describe('scripts/build-faiss-simd.sh', () => {
  it('is valid bash and documents its options', () => {
    expect(spawnSync('bash', ['-n', SCRIPT], { encoding: 'utf8' }).status).toBe(0);
    const help = runScript(['--help'], process.env);
    expect(help.status).toBe(0);
    for (const option of ['--src', '--jobs', '--print-prefix', 'VECSHARD_CACHE_DIR']) {
      expect(help.stdout).toContain(option);
    }
  });

  it('rejects an unknown option with usage status 2', () => {
    const result = runScript(['--frobnicate'], process.env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
  });

  it('installs under the cache directory, in a prefix named after the build settings', () => {
    const cache = join(scratch, 'cache-a');
    const prefix = runScript(['--print-prefix'], { ...process.env, VECSHARD_CACHE_DIR: cache }).stdout.trim();
    expect(prefix).toMatch(new RegExp(`^${cache}/faiss-1\\.7\\.3-avx2-[0-9a-f]{12}$`));
    const xdg = runScript(['--print-prefix'], {
      PATH: process.env.PATH,
      HOME: '/nowhere',
      XDG_CACHE_HOME: cache,
    });
    expect(xdg.stdout.trim()).toBe(prefix.replace(cache, `${cache}/vecshard`));
  });

  it('does nothing, needing no build tools, when the prefix holds a complete install', () => {
    const cache = join(scratch, 'cache-b');
    const env = { PATH: pathWith(BASICS), VECSHARD_CACHE_DIR: cache };
    const prefix = runScript(['--print-prefix'], env).stdout.trim();
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, '.vecshard-complete'), 'done\n');
    const result = runScript([], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`is cached in ${prefix}`);
  });

  it('lists every missing tool with its Debian package', () => {
    const cache = join(scratch, 'cache-c');
    const result = runScript([], { PATH: pathWith(BASICS), VECSHARD_CACHE_DIR: cache });
    expect(result.status).toBe(1);
    for (const missing of ['cmake (cmake)', 'ninja (ninja-build)', 'dpkg-source (dpkg-dev)']) {
      expect(result.stderr).toContain(missing);
    }
  });

  it('builds in a scratch folder, moves the install into place with its marker, and then reuses it', () => {
    // Stand-ins for cmake and ninja: the flow around the compiler is what is tested here.
    const bin = pathWith([...BASICS, 'cp', 'find', 'date', 'mv', 'tail', 'grep', 'c++', 'tee']);
    writeFileSync(join(bin, 'cmake'), '#!/bin/sh\nexit 0\n');
    writeFileSync(
      join(bin, 'ninja'),
      [
        '#!/bin/bash',
        'mkdir -p "$2/faiss"; : >"$2/faiss/libfaiss_avx2.a"',
        'for i in 1 2 3 4; do echo "[$i/4] Building CXX object $i.o"; done',
      ].join('\n'),
    );
    chmodSync(join(bin, 'cmake'), 0o755);
    chmodSync(join(bin, 'ninja'), 0o755);
    const tree = join(scratch, 'faiss-1.7.3');
    mkdirSync(join(tree, 'faiss', 'impl'), { recursive: true });
    writeFileSync(join(tree, 'CMakeLists.txt'), 'add_subdirectory(faiss)\nadd_subdirectory(demos)\n');
    writeFileSync(join(tree, 'faiss', 'Index.h'), '');
    writeFileSync(join(tree, 'faiss', 'impl', 'FaissAssert.h'), '');
    const cache = join(scratch, 'cache-d');
    const env = { PATH: bin, VECSHARD_CACHE_DIR: cache };

    const first = runScript(['--src', scratch], env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('faiss avx2: 4/4 (100%)');
    const prefix = runScript(['--print-prefix'], env).stdout.trim();
    for (const file of [
      '.vecshard-complete',
      'lib/libfaiss_avx2.a',
      'include/faiss/Index.h',
      'include/faiss/impl/FaissAssert.h',
    ]) {
      expect(existsSync(join(prefix, file)), file).toBe(true);
    }
    expect(readdirSync(cache)).toEqual([prefix.split('/').at(-1)]); // no scratch folder left
    expect(readFileSync(join(tree, 'CMakeLists.txt'), 'utf8')).toContain('\nadd_subdirectory(demos)'); // patched a copy

    const second = runScript(['--src', scratch], env);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('is cached in');
  });

  it('condenses ninja output into a line every ~10 % off a terminal, keeping all of it in the log', () => {
    const log = join(scratch, 'ninja.log');
    const lines = Array.from({ length: 81 }, (_, i) => `[${i + 1}/81] Building CXX object ${i}.o`);
    lines.splice(40, 0, 'warning: something');
    const result = spawnSync('bash', ['-c', `source "$1"; show_progress "$2"`, 'bash', SCRIPT, log], {
      encoding: 'utf8',
      input: `${lines.join('\n')}\n`,
    });
    const progress = result.stdout.trim().split('\n');
    expect(progress[0]).toBe('faiss avx2: 9/81 (11%)');
    expect(progress.at(-1)).toBe('faiss avx2: 81/81 (100%)');
    expect(progress).toHaveLength(10);
    expect(readFileSync(log, 'utf8')).toBe(`${lines.join('\n')}\n`);
  });
});
