import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAgainstSchema } from './kubernetes-schema.js';
import { apiTypeErrors } from './kubernetes-types-check.js';
import {
  K8S_DIR,
  type K8sObject,
  OVERLAYS,
  objectName,
  readManifestFile,
  renderOverlay,
} from './kustomize.js';

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume']);

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  const objects = renderOverlay(overlay);

  it('renders the whole cluster: namespace, coordinators, workers and their services', () => {
    const kinds = objects.map(objectName);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Namespace/vecshard',
        'Deployment/coordinator',
        'Service/coordinator',
        'StatefulSet/vecshard-worker',
        'Service/vecshard-worker',
        'PodDisruptionBudget/coordinator',
        'PodDisruptionBudget/vecshard-worker',
      ]),
    );
  });

  it('validates every object against the Kubernetes schemas', async () => {
    for (const object of objects) await validateAgainstSchema(object);
  });

  it('uses only fields the Kubernetes API knows', () => {
    expect(apiTypeErrors(objects)).toEqual([]);
  });

  it('puts every namespaced object in the vecshard namespace', () => {
    const stray = objects
      .filter((o) => !CLUSTER_SCOPED.has(o.kind) && o.metadata.namespace !== 'vecshard')
      .map(objectName);
    expect(stray).toEqual([]);
  });
});

describe('the bench Job', () => {
  const objects: K8sObject[] = readManifestFile(join(K8S_DIR, 'jobs', 'bench-job.yaml'));

  it('validates against the Kubernetes schemas', async () => {
    expect(objects.map(objectName)).toEqual(['Job/vecshard-bench']);
    for (const object of objects) await validateAgainstSchema(object);
  });

  it('uses only fields the Kubernetes API knows', () => {
    expect(apiTypeErrors(objects)).toEqual([]);
  });

  it('targets the coordinator Service and is bounded in time', () => {
    const job = objects[0];
    expect(job.spec.template.spec.containers[0].args).toEqual(
      expect.arrayContaining(['bench', '--target', 'coordinator:50051']),
    );
    expect(job.spec.activeDeadlineSeconds).toBeGreaterThan(0);
  });
});

describe('schema validation', () => {
  it('rejects an object that breaks the schema', async () => {
    const broken = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'broken' },
      spec: { replicas: 'two', template: {} },
    } as K8sObject;
    await expect(validateAgainstSchema(broken)).rejects.toThrow(/replicas|selector/);
  });

  it('reports a field the API does not know, naming the object', () => {
    const misspelt = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'misspelt' },
      spec: { ports: [{ port: 80 }], selectr: { app: 'x' } },
    } as K8sObject;
    expect(apiTypeErrors([misspelt])).toEqual([expect.stringMatching(/^Service\/misspelt: .*'"?selectr"?'/)]);
  });

  it('rejects a kind it has no schema for', async () => {
    const unknown = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } } as K8sObject;
    await expect(validateAgainstSchema(unknown)).rejects.toThrow(/no Kubernetes schema/);
  });
});
