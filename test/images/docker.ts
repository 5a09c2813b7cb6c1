import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/processes.js';

export const IMAGE = 'vecshard/vecshard:0.1.0';
export const COMPOSE_FILE = join(REPO_ROOT, 'deploy', 'compose', 'docker-compose.yml');
// Its own project, so a user's `vecshard` project and its volumes are left alone.
const PROJECT = 'vecshard-images-test';

/** Why the images cannot be tested here, or undefined when a Docker engine and Compose v2 answer. */
export function dockerMissing(): string | undefined {
  const engine = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (engine.error || engine.status !== 0) {
    return `no Docker engine answers \`docker info\` (${engine.error?.message ?? engine.stderr.trim()})`;
  }
  const compose = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  if (compose.error || compose.status !== 0)
    return 'the Docker Compose v2 plugin (`docker compose`) is missing';
  return undefined;
}

/** Builds the CPU image from the repository, printing Docker's progress. */
export function buildImage(): void {
  execFileSync('docker', ['build', '-f', 'deploy/docker/Dockerfile', '-t', IMAGE, '.'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}

/** Runs `docker compose` on the compose file in the test's project; returns its stdout. */
export function compose(args: string[], env: Record<string, string> = {}): string {
  return execFileSync('docker', ['compose', '-f', COMPOSE_FILE, '-p', PROJECT, ...args], {
    encoding: 'utf8',
    env: { ...process.env, VECSHARD_IMAGE: IMAGE, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}
