import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './processes.js';

const CLI = join(REPO_ROOT, 'packages/cli/dist/main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `vecshard` CLI against a coordinator; resolves with its exit
 * code and output. stdout is a pipe, not a terminal, as in scripts and CI, so
 * jobs are followed with plain progress lines.
 */
export function runCli(address: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args, '--address', address]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
