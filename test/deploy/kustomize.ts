import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const K8S_DIR = join(REPO_ROOT, 'deploy', 'k8s');
export const OVERLAYS = ['cpu', 'gpu', 'dev', 'secure'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/** A rendered Kubernetes object; only the fields the checks read are typed. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // biome-ignore lint/suspicious/noExplicitAny: rendered manifests are free-form YAML.
  spec?: any;
  data?: Record<string, string>;
}

// Tests may point at a particular kubectl (e.g. Debian's 1.20 one) with KUBECTL.
const kubectl = process.env.KUBECTL ?? 'kubectl';

/** Renders an overlay with `kubectl kustomize`, as `kubectl apply -k` would. */
export function renderOverlay(overlay: Overlay): K8sObject[] {
  let output: string;
  try {
    output = execFileSync(kubectl, ['kustomize', join(K8S_DIR, 'overlays', overlay)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { code, stderr } = error as NodeJS.ErrnoException & { stderr?: string };
    if (code === 'ENOENT') {
      throw new Error(`${kubectl} not found: run scripts/setup.sh (it installs Debian's kubernetes-client)`);
    }
    throw new Error(`kubectl kustomize failed for overlay ${overlay}: ${stderr ?? (error as Error).message}`);
  }
  return parseManifests(output, `overlay ${overlay}`);
}

export function readManifestFile(path: string): K8sObject[] {
  return parseManifests(readFileSync(path, 'utf8'), path);
}

export function parseManifests(text: string, origin: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${origin}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) objects.push(value as K8sObject);
  }
  return objects;
}

export function objectName(object: K8sObject): string {
  return `${object.kind}/${object.metadata.name}`;
}

// biome-ignore lint/suspicious/noExplicitAny: pod specs are free-form YAML.
export type PodSpec = any;
// biome-ignore lint/suspicious/noExplicitAny: containers are free-form YAML.
export type Container = any;

/** The pod template of a workload (Deployment, StatefulSet, Job), if it has one. */
export function podSpecOf(object: K8sObject): PodSpec | undefined {
  return object.spec?.template?.spec;
}

export function workloads(objects: K8sObject[]): K8sObject[] {
  return objects.filter((o) => podSpecOf(o) !== undefined);
}

export function allContainers(pod: PodSpec): Container[] {
  return [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
}

export function findObject(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} is not in the rendered manifests`);
  return found;
}
