import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './kustomize.js';

export const COMPOSE_DIR = join(REPO_ROOT, 'deploy', 'compose');

/** One service of a compose file; only the fields the checks read are typed. */
export interface ComposeService {
  image?: string;
  command?: string[];
  entrypoint?: string[];
  hostname?: string;
  user?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  tmpfs?: string[];
  read_only?: boolean;
  cap_drop?: string[];
  security_opt?: string[];
  restart?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  // biome-ignore lint/suspicious/noExplicitAny: device requests are free-form YAML.
  deploy?: any;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/**
 * Reads a compose file as `docker compose` sees it before variables are set: YAML
 * merge keys (`<<: *anchor`) resolved, and `${VAR:-default}` replaced by its default.
 */
export function readComposeFile(name: string): ComposeFile {
  const text = readFileSync(join(COMPOSE_DIR, name), 'utf8');
  return withDefaults(parse(text, { merge: true })) as ComposeFile;
}

function withDefaults(value: unknown): unknown {
  if (typeof value === 'string')
    return value.replace(/\$\{(\w+):?-([^}]*)\}/g, (_, _name, fallback) => fallback);
  if (Array.isArray(value)) return value.map(withDefaults);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withDefaults(inner)]));
  }
  return value;
}

/** Container ports a service publishes (the part after the last colon of each mapping). */
export function publishedContainerPorts(service: ComposeService): number[] {
  return (service.ports ?? []).map((mapping) => Number(mapping.split(':').at(-1)));
}

/** The container path of each named volume a service mounts (not bind mounts). */
export function namedVolumeMounts(service: ComposeService): Record<string, string> {
  const mounts: Record<string, string> = {};
  for (const entry of service.volumes ?? []) {
    const [source, target] = entry.split(':');
    if (target && !/^[./~]/.test(source)) mounts[target] = source;
  }
  return mounts;
}

/** Services in an order where each comes after those it depends on; throws on a cycle. */
export function startOrder(services: Record<string, ComposeService>): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string, path: string[]) => {
    if (order.includes(name)) return;
    if (visiting.has(name)) throw new Error(`dependency cycle: ${[...path, name].join(' -> ')}`);
    visiting.add(name);
    for (const dependency of Object.keys(services[name]?.depends_on ?? {}))
      visit(dependency, [...path, name]);
    visiting.delete(name);
    order.push(name);
  };
  for (const name of Object.keys(services)) visit(name, []);
  return order;
}
