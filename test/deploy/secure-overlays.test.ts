import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAgainstSchema } from './kubernetes-schema.js';
import {
  allContainers,
  type Container,
  findObject,
  K8S_DIR,
  type K8sObject,
  type PodSpec,
  parseManifests,
  podSpecOf,
  renderOverlay,
} from './kustomize.js';

// The secure overlay's wiring (TLS files inside the Secrets it mounts, keys,
// probes), and the cert-manager overlay's certificates landing in those Secrets.
const secure = renderOverlay('secure');
const withCertManager = parseManifests(
  execFileSync(
    process.env.KUBECTL ?? 'kubectl',
    ['kustomize', join(K8S_DIR, 'overlays', 'secure-cert-manager')],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  ),
  'overlay secure-cert-manager',
);

function container(objects: K8sObject[], kind: string, name: string): { pod: PodSpec; container: Container } {
  const workload = findObject(objects, kind, name);
  const pod = podSpecOf(workload);
  return { pod, container: allContainers(pod)[0] };
}

/** The Secret whose mount holds `path`, and the file's name in it. */
function secretHolding(
  pod: PodSpec,
  c: Container,
  path: string,
): { secret: string; key: string } | undefined {
  const mount = c.volumeMounts.find((m: { mountPath: string }) => path.startsWith(`${m.mountPath}/`));
  const volume = pod.volumes.find((v: { name: string }) => v.name === mount?.name);
  if (!volume?.secret) return undefined;
  return { secret: volume.secret.secretName, key: path.slice(mount.mountPath.length + 1) };
}

function env(c: Container, name: string): string | undefined {
  return c.env?.find((e: { name: string }) => e.name === name)?.value;
}

const COORDINATOR_FILES = {
  VECSHARD_TLS_CERT: { secret: 'vecshard-coordinator-tls', key: 'tls.crt' },
  VECSHARD_TLS_KEY: { secret: 'vecshard-coordinator-tls', key: 'tls.key' },
  VECSHARD_TLS_CA: { secret: 'vecshard-coordinator-tls', key: 'ca.crt' },
  VECSHARD_TLS_CLIENT_CERT: { secret: 'vecshard-coordinator-tls', key: 'tls.crt' },
  VECSHARD_TLS_CLIENT_KEY: { secret: 'vecshard-coordinator-tls', key: 'tls.key' },
  VECSHARD_API_KEYS_FILE: { secret: 'vecshard-api-keys', key: 'api-keys.json' },
};
const WORKER_FILES = {
  VECSHARD_TLS_CERT: { secret: 'vecshard-worker-tls', key: 'tls.crt' },
  VECSHARD_TLS_KEY: { secret: 'vecshard-worker-tls', key: 'tls.key' },
  VECSHARD_TLS_CA: { secret: 'vecshard-worker-tls', key: 'ca.crt' },
};

describe('secure overlay', () => {
  it.each([
    ['Deployment', 'coordinator', COORDINATOR_FILES],
    ['StatefulSet', 'vecshard-worker', WORKER_FILES],
  ] as const)('gives the %s %s every TLS and key file from a mounted Secret', (kind, name, files) => {
    const { pod, container: c } = container(secure, kind, name);
    for (const [variable, expected] of Object.entries(files)) {
      const path = env(c, variable);
      expect(path, variable).toBeDefined();
      expect(secretHolding(pod, c, path!), variable).toEqual(expected);
    }
  });

  it('mounts Secrets as folders, so rotated files reach the running process', () => {
    for (const [kind, name] of [
      ['Deployment', 'coordinator'],
      ['StatefulSet', 'vecshard-worker'],
    ]) {
      const { container: c } = container(secure, kind, name);
      for (const mount of c.volumeMounts) expect(mount.subPath, `${name} ${mount.mountPath}`).toBeUndefined();
    }
  });
});

describe('secure-cert-manager overlay', () => {
  const certificates = withCertManager.filter((o) => o.kind === 'Certificate');

  it('validates every Kubernetes object against the schemas', async () => {
    for (const object of withCertManager.filter((o) => !o.apiVersion.startsWith('cert-manager.io/')))
      await validateAgainstSchema(object);
  });

  it('makes the Secrets the pods mount, signed by the cluster CA', () => {
    const secretNames = certificates.map((c) => c.spec.secretName);
    expect(secretNames).toEqual(expect.arrayContaining(['vecshard-coordinator-tls', 'vecshard-worker-tls']));
    for (const name of ['vecshard-coordinator-tls', 'vecshard-worker-tls']) {
      const certificate = certificates.find((c) => c.spec.secretName === name)!;
      expect(certificate.spec.issuerRef.name).toBe('vecshard-cluster-ca');
    }
    const ca = certificates.find((c) => c.spec.secretName === 'vecshard-cluster-ca')!;
    expect(ca.spec.isCA).toBe(true);
  });

  it('lets the coordinator certificate serve and call workers, and covers the names clients and coordinators dial', () => {
    const coordinator = certificates.find((c) => c.spec.secretName === 'vecshard-coordinator-tls')!;
    expect(coordinator.spec.usages).toEqual(expect.arrayContaining(['server auth', 'client auth']));
    expect(coordinator.spec.dnsNames).toContain('coordinator.vecshard.svc');
    const worker = certificates.find((c) => c.spec.secretName === 'vecshard-worker-tls')!;
    const { container: c } = container(withCertManager, 'StatefulSet', 'vecshard-worker');
    // $(VECSHARD_WORKER_ID).vecshard-worker.$(POD_NAMESPACE).svc:PORT, with the namespace filled in.
    const advertised = env(c, 'VECSHARD_ADVERTISE_ADDRESS')!
      .replace('$(POD_NAMESPACE)', 'vecshard')
      .split(':')[0];
    const host = advertised.replace('$(VECSHARD_WORKER_ID)', 'vecshard-worker-0');
    const covers = (pattern: string) =>
      new RegExp(`^${pattern.replace(/\./g, '\\.').replace('*', '[^.]+')}$`).test(host);
    expect(worker.spec.dnsNames.some(covers), `${worker.spec.dnsNames} cover ${host}`).toBe(true);
  });
});
