import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coordinatorOptionsFromArgs } from '@vecshard/coordinator';
import { DEFAULT_METRICS_PORT } from '@vecshard/proto';
import { workerOptionsFromArgs } from '@vecshard/shard-worker';
import { describe, expect, it } from 'vitest';
import {
  copiesOf,
  dockerignorePatterns,
  environmentOf,
  isIgnored,
  parseDockerfile,
  type Stage,
} from './dockerfile.js';
import { REPO_ROOT } from './kustomize.js';

const DOCKERFILES = ['deploy/docker/Dockerfile', 'deploy/docker/Dockerfile.gpu'];
const WORKSPACES: string[] = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).workspaces;
const ignorePatterns = dockerignorePatterns(readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8'));

function finalStage(stages: Stage[]): Stage {
  return stages.at(-1)!;
}

function lastArgs(stage: Stage, keyword: string): string | undefined {
  return stage.instructions.filter((i) => i.keyword === keyword).at(-1)?.args;
}

describe.each(DOCKERFILES)('%s', (file) => {
  const { stages } = parseDockerfile(join(REPO_ROOT, file));
  const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));

  it('is multi-stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
  });

  it('pins every base image to an explicit version tag, never :latest', () => {
    for (const stage of stages) {
      if (stageNames.has(stage.image)) continue;
      expect(stage.image, `FROM ${stage.image}`).toMatch(/^[\w./-]+:[\w][\w.-]*(@sha256:[0-9a-f]{64})?$/);
      expect(stage.image).not.toMatch(/\$\{|:latest\b/);
      // A bare major version (node:20) moves under you just like latest does.
      expect(stage.image.split(':')[1], `FROM ${stage.image}`).toMatch(/\d+\.\d+/);
    }
  });

  it('copies only paths that exist in the repository and reach the build context', () => {
    for (const stage of stages) {
      for (const copy of copiesOf(stage)) {
        if (copy.from !== undefined) {
          expect(stageNames, `line ${copy.line}: --from=${copy.from}`).toContain(copy.from);
          continue;
        }
        for (const source of copy.sources) {
          expect(
            existsSync(join(REPO_ROOT, source)),
            `line ${copy.line}: ${source} is not in the repository`,
          ).toBe(true);
          expect(
            isIgnored(source, ignorePatterns),
            `line ${copy.line}: ${source} is excluded by .dockerignore`,
          ).toBe(false);
        }
      }
    }
  });

  it('installs and ships every workspace package', () => {
    const installStages = stages.filter((s) => s.instructions.some((i) => /\bnpm ci\b/.test(i.args)));
    expect(installStages).not.toHaveLength(0);
    for (const stage of installStages) {
      const copied = copiesOf(stage).flatMap((c) => c.sources);
      for (const workspace of WORKSPACES) {
        expect(copied, `stage ${stage.name} lacks ${workspace}/package.json`).toContain(
          `${workspace}/package.json`,
        );
      }
    }
    const shipped = copiesOf(finalStage(stages)).map((c) => c.destination.replace(/^\.\//, ''));
    for (const workspace of WORKSPACES) {
      expect(shipped, `the image lacks ${workspace}/dist`).toContain(`${workspace}/dist`);
    }
  });

  it('has no syntax directive, which makes BuildKit pull a frontend image before building', () => {
    expect(readFileSync(join(REPO_ROOT, file), 'utf8')).not.toMatch(/^#\s*syntax\s*=/im);
  });

  it('creates its user as a regular account with the uid it runs as', () => {
    const runs = finalStage(stages)
      .instructions.filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join(' ');
    const useradd = /\buseradd\b[^&;]*/.exec(runs)?.[0] ?? '';
    // A system account must have a uid at or below SYS_UID_MAX (999); 10001 is above it.
    expect(useradd).not.toMatch(/--system\b|(^|\s)-r\b/);
    const [uid, gid] = (lastArgs(finalStage(stages), 'USER') ?? '').split(':');
    expect(useradd).toMatch(new RegExp(`--uid ${uid}\\b`));
    expect(useradd).toMatch(new RegExp(`--gid ${gid}\\b`));
  });

  it('defaults to listening on every interface, a fixed worker port and metrics port, all exposed', () => {
    const environment = environmentOf(finalStage(stages));
    const worker = workerOptionsFromArgs([], environment);
    const coordinator = coordinatorOptionsFromArgs([], environment);
    expect(worker.host).toBe('0.0.0.0');
    expect(coordinator.host).toBe('0.0.0.0');
    expect(worker.port).toBe(50061);
    expect(worker.metricsPort).toBe(DEFAULT_METRICS_PORT);
    expect(coordinator.metricsPort).toBe(DEFAULT_METRICS_PORT);
    const exposed = (lastArgs(finalStage(stages), 'EXPOSE') ?? '').split(/\s+/).map(Number);
    expect(exposed.sort()).toEqual([coordinator.port, worker.port, worker.metricsPort].sort());
    // The data directory the image names is the one its user owns.
    expect(coordinator.dataDir).toBe('/var/lib/vecshard');
  });

  it('runs the final image as a numeric non-root user', () => {
    const user = lastArgs(finalStage(stages), 'USER');
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user?.split(':')[0])).toBeGreaterThan(0);
  });

  it('starts the vecshard CLI, which exists in the repository', () => {
    const entrypoint = JSON.parse(lastArgs(finalStage(stages), 'ENTRYPOINT') ?? '[]') as string[];
    expect(entrypoint[0]).toBe('node');
    expect(entrypoint[1]).toBe('/app/packages/cli/dist/main.js');
    expect(existsSync(join(REPO_ROOT, 'packages/cli/src/main.ts'))).toBe(true);
  });

  it('ships production dependencies only, and no compilers', () => {
    const installs = stages.flatMap((s) => s.instructions).filter((i) => /npm ci --omit=dev/.test(i.args));
    expect(installs).not.toHaveLength(0);
    const runtimeRuns = finalStage(stages)
      .instructions.filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join(' ');
    expect(runtimeRuns).not.toMatch(/\b(g\+\+|gcc|make|cmake|build-essential|-dev)\b/);
    const copiedDeps = copiesOf(finalStage(stages)).find((c) => c.destination.endsWith('node_modules'));
    const depsStage = stages.find((s) => s.name === copiedDeps?.from);
    expect(depsStage?.instructions.some((i) => /npm ci --omit=dev/.test(i.args))).toBe(true);
  });

  it('builds the addon against local Node headers', () => {
    const build = stages.find((s) => s.name === 'build');
    const env = build?.instructions
      .filter((i) => i.keyword === 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toMatch(/npm_config_nodedir=\/usr\/local/);
    expect(build?.instructions.some((i) => i.keyword === 'RUN' && /build:native/.test(i.args))).toBe(true);
  });
});

describe('the GPU image', () => {
  const { stages, globalArgs } = parseDockerfile(join(REPO_ROOT, 'deploy/docker/Dockerfile.gpu'));

  it('builds FAISS with the repository script and links the addon against it', () => {
    const all = stages.flatMap((s) => s.instructions);
    expect(all.some((i) => i.keyword === 'RUN' && /build-faiss-gpu\.sh --src/.test(i.args))).toBe(true);
    const env = all
      .filter((i) => i.keyword === 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toMatch(/FAISS_GPU=1/);
    expect(env).toMatch(/FAISS_PREFIX=\/opt\/faiss/);
  });

  it('runs on a pinned CUDA runtime base', () => {
    expect(globalArgs.CUDA_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(finalStage(stages).image).toBe(`nvidia/cuda:${globalArgs.CUDA_VERSION}-runtime-ubuntu22.04`);
  });
});

describe('.dockerignore', () => {
  it('keeps local builds, dependencies and git history out of the build context', () => {
    for (const path of [
      'node_modules',
      'packages/faiss/build',
      'packages/cli/dist',
      '.git',
      'packages/faiss/test',
    ]) {
      expect(isIgnored(path, ignorePatterns), path).toBe(true);
    }
    expect(
      ignorePatterns.some((p) => p.startsWith('!')),
      'exceptions are not supported by these checks',
    ).toBe(false);
  });

  it('lets the sources through', () => {
    for (const path of [
      'packages/faiss/native/addon.cc',
      'packages/cli/src/main.ts',
      'proto',
      'package-lock.json',
    ]) {
      expect(isIgnored(path, ignorePatterns), path).toBe(false);
    }
  });
});
