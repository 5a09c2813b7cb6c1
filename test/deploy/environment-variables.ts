import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './kustomize.js';

/** The variables vecshard's own configuration uses; others (HOME, NODE_ENV) are not checked. */
export const CONFIGURATION_VARIABLE = /^(VECSHARD|AWS)_[A-Z0-9_]+$/;

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
export function environmentVariablesRead(source: string): string[] {
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

/** Every configuration variable some program under packages/ reads. */
export function variablesReadByCode(): Set<string> {
  return new Set(sourceFiles().flatMap((file) => environmentVariablesRead(readFileSync(file, 'utf8'))));
}

/** The first column of the environment table in deploy/README.md. */
export function documentedVariables(): Set<string> {
  const readme = readFileSync(join(REPO_ROOT, 'deploy', 'README.md'), 'utf8');
  const names = [...readme.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((m) => m[1]);
  return new Set(names);
}
