import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allContainers,
  K8S_DIR,
  OVERLAYS,
  podSpecOf,
  REPO_ROOT,
  readManifestFile,
  renderOverlay,
} from './kustomize.js';

const CONFIGURATION_VARIABLE = /^(VECSHARD|AWS)_[A-Z0-9_]+$/;

/** Every .ts file under packages/<name>/src, found afresh so new code is covered too. */
function sourceFiles(): string[] {
  const packagesDir = join(REPO_ROOT, 'packages');
  return readdirSync(packagesDir).flatMap((pkg) => {
    const src = join(packagesDir, pkg, 'src');
    try {
      return readdirSync(src, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
        .map((file) => join(src, file));
    } catch {
      return [];
    }
  });
}

/** Names read as `process.env.X`, `env.X`, `env['X']`, or destructured from `process.env`. */
function environmentVariablesRead(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g)) {
    names.add(match[1] ?? match[2]);
  }
  for (const match of source.matchAll(/\{([^{}]*)\}\s*=\s*(?:process\.)?env\b/g)) {
    for (const part of match[1].split(',')) {
      const name = part.split(':')[0].split('=')[0].trim();
      if (name) names.add(name);
    }
  }
  return [...names].filter((name) => CONFIGURATION_VARIABLE.test(name));
}

/** The first column of the environment table in deploy/README.md. */
function documentedVariables(): Set<string> {
  const readme = readFileSync(join(REPO_ROOT, 'deploy', 'README.md'), 'utf8');
  const names = [...readme.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((m) => m[1]);
  return new Set(names);
}

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

describe('environment variables', () => {
  const documented = documentedVariables();
  const setInManifests = variablesSetInManifests();

  it('finds the variables the code reads', () => {
    const read = sourceFiles().flatMap((file) => environmentVariablesRead(readFileSync(file, 'utf8')));
    // The processes are configured through these; an empty scan means the scan broke.
    expect(read).toEqual(expect.arrayContaining(['VECSHARD_PORT', 'VECSHARD_REDIS_URL']));
  });

  it('gives every variable the code reads a value in the manifests or a documented default', () => {
    const read = new Set(
      sourceFiles().flatMap((file) => environmentVariablesRead(readFileSync(file, 'utf8'))),
    );
    const unaccounted = [...read].filter((name) => !documented.has(name) && !setInManifests.has(name)).sort();
    expect(unaccounted).toEqual([]);
  });

  it('documents every vecshard variable the manifests set', () => {
    const undocumented = [...setInManifests]
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
