import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readComposeFile } from './compose.js';
import { environmentOf, parseDockerfile } from './dockerfile.js';
import {
  CONFIGURATION_VARIABLE,
  documentedVariables,
  environmentVariablesRead,
  variablesReadByCode,
} from './environment-variables.js';
import {
  allContainers,
  K8S_DIR,
  OVERLAYS,
  podSpecOf,
  REPO_ROOT,
  readManifestFile,
  renderOverlay,
} from './kustomize.js';

/** Variables given a value in any rendered manifest: env entries and ConfigMap keys. */
function variablesSetInManifests(): Set<string> {
  const objects = [
    ...OVERLAYS.flatMap((overlay) => renderOverlay(overlay)),
    ...readManifestFile(join(K8S_DIR, 'jobs', 'bench-job.yaml')),
  ];
  const names = new Set<string>();
  for (const object of objects) {
    if (object.kind === 'ConfigMap') for (const key of Object.keys(object.data ?? {})) names.add(key);
    const pod = podSpecOf(object);
    if (!pod) continue;
    for (const container of allContainers(pod)) {
      for (const entry of container.env ?? []) names.add(entry.name);
    }
  }
  return names;
}

/** Variables the images set (ENV of each Dockerfile's final stage) and the compose files give containers. */
function variablesSetForContainers(): Map<string, string> {
  const where = new Map<string, string>();
  for (const file of ['deploy/docker/Dockerfile', 'deploy/docker/Dockerfile.gpu']) {
    const stages = parseDockerfile(join(REPO_ROOT, file)).stages;
    for (const name of Object.keys(environmentOf(stages.at(-1)!))) where.set(name, file);
  }
  for (const file of ['docker-compose.yml', 'gpu.yml']) {
    for (const [service, definition] of Object.entries(readComposeFile(file).services)) {
      for (const name of Object.keys(definition.environment ?? {})) where.set(name, `${file} ${service}`);
    }
  }
  return where;
}

describe('environment variables', () => {
  const documented = documentedVariables();
  const setInManifests = variablesSetInManifests();

  const read = variablesReadByCode();

  it('finds the variables the code reads', () => {
    // The processes are configured through these; an empty scan means the scan broke.
    expect([...read]).toEqual(expect.arrayContaining(['VECSHARD_PORT', 'VECSHARD_REDIS_URL']));
  });

  it('gives every variable the code reads a value in the manifests or a documented default', () => {
    const unaccounted = [...read].filter((name) => !documented.has(name) && !setInManifests.has(name)).sort();
    expect(unaccounted).toEqual([]);
  });

  it('documents every vecshard variable the manifests set', () => {
    const undocumented = [...setInManifests]
      .filter((name) => CONFIGURATION_VARIABLE.test(name) && !documented.has(name))
      .sort();
    expect(undocumented).toEqual([]);
  });

  it('sets in the images and compose files only variables the programs read', () => {
    const setForContainers = variablesSetForContainers();
    // The scan of the images and compose files found what they set.
    expect([...setForContainers.keys()]).toEqual(
      expect.arrayContaining([
        'VECSHARD_HOST',
        'VECSHARD_WORKER_PORT',
        'VECSHARD_REDIS_URL',
        'AWS_ENDPOINT_URL',
      ]),
    );
    const unread = [...setForContainers]
      .filter(([name]) => CONFIGURATION_VARIABLE.test(name) && !read.has(name))
      .map(([name, where]) => `${name} (${where})`);
    expect(unread).toEqual([]);
  });

  it('documents every vecshard variable the images and compose files set', () => {
    const undocumented = [...variablesSetForContainers().keys()]
      .filter((name) => CONFIGURATION_VARIABLE.test(name) && !documented.has(name))
      .sort();
    expect(undocumented).toEqual([]);
  });

  it('recognises the ways code reads the environment', () => {
    const source = `
      const a = process.env.VECSHARD_ALPHA;
      const b = env.VECSHARD_BETA ?? 'x';
      const c = process.env['AWS_GAMMA'];
      const { VECSHARD_DELTA, AWS_EPSILON: renamed = '1' } = process.env;
      const ignored = process.env.HOME;
    `;
    expect(environmentVariablesRead(source).sort()).toEqual([
      'AWS_EPSILON',
      'AWS_GAMMA',
      'VECSHARD_ALPHA',
      'VECSHARD_BETA',
      'VECSHARD_DELTA',
    ]);
  });
});
