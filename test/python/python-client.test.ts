import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/processes.js';

// The Python client (clients/python) is tested by its own pytest suite, run here with Debian's
// python3 (a pyenv `python3` on PATH does not see Debian's python3-grpcio and friends). The suite
// checks that the committed stubs match proto/ (regenerating them with protoc 3.21), and starts its
// own `vecshard up` clusters, a plain and a `--secure` one, on free ports, with the built CLI.
const PYTHON = process.env.VECSHARD_PYTHON || '/usr/bin/python3';
const LIMIT_MS = 270_000;

/**
 * Runs a command to its end; past `limitMs` it gets SIGTERM (pytest then reports and stops its
 * clusters), and SIGKILL 20 s later.
 */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  limitMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const term = setTimeout(() => {
      output += `\n(still running after ${limitMs / 1000} s: SIGTERM)\n`;
      child.kill('SIGTERM');
    }, limitMs);
    const kill = setTimeout(() => child.kill('SIGKILL'), limitMs + 20_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(term);
      clearTimeout(kill);
      resolve({ code, output });
    });
  });
}

it(
  'the Python client passes its pytest suite: fresh stubs, every method, errors, asyncio, TLS and keys',
  async () => {
    const { code, output } = await run(
      PYTHON,
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', join('clients', 'python', 'tests')],
      {
        ...process.env,
        PYTHONPATH: join(REPO_ROOT, 'clients', 'python'),
        PYTHONDONTWRITEBYTECODE: '1',
        VECSHARD_NODE: process.execPath,
      },
      LIMIT_MS,
    );
    // pytest's own report (on failure with the clusters' logs) is the message.
    expect(code, output.slice(-20_000)).toBe(0);
    console.log(`python client: ${output.trim().split('\n').at(-1)}`);
  },
  LIMIT_MS + 30_000,
);
