import { describe, expect, it } from 'vitest';
import {
  allContainers,
  type Container,
  findObject,
  type K8sObject,
  OVERLAYS,
  objectName,
  podSpecOf,
  renderOverlay,
  workloads,
} from './kustomize.js';

const rendered = Object.fromEntries(OVERLAYS.map((overlay) => [overlay, renderOverlay(overlay)])) as Record<
  (typeof OVERLAYS)[number],
  K8sObject[]
>;

function containersOf(object: K8sObject): Container[] {
  return allContainers(podSpecOf(object));
}

function workerContainer(objects: K8sObject[]): Container {
  return containersOf(findObject(objects, 'StatefulSet', 'vecshard-worker')).find((c) => c.name === 'worker');
}

function envValue(container: Container, name: string): string | undefined {
  return container.env?.find((e: { name: string }) => e.name === name)?.value;
}

function gpuCount(resources: Record<string, unknown> | undefined): number {
  return Number(resources?.['nvidia.com/gpu'] ?? 0);
}

describe('gpu overlay', () => {
  const objects = rendered.gpu;

  it('gives each shard worker exactly one GPU, requested and limited', () => {
    const worker = workerContainer(objects);
    expect(gpuCount(worker.resources.limits)).toBe(1);
    expect(gpuCount(worker.resources.requests)).toBe(1);
  });

  it('runs workers on the GPU image with VECSHARD_DEVICE=cuda:0, on GPU nodes', () => {
    const worker = workerContainer(objects);
    expect(worker.image).toMatch(/^vecshard\/vecshard-gpu:/);
    expect(envValue(worker, 'VECSHARD_DEVICE')).toBe('cuda:0');
    const pod = podSpecOf(findObject(objects, 'StatefulSet', 'vecshard-worker'));
    expect(Object.keys(pod.nodeSelector ?? {})).not.toHaveLength(0);
    expect(pod.tolerations).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'nvidia.com/gpu' })]),
    );
  });

  it('keeps GPUs away from everything but the workers', () => {
    const others = workloads(objects)
      .filter((o) => o.metadata.name !== 'vecshard-worker')
      .flatMap(containersOf)
      .filter((c) => gpuCount(c.resources?.limits) + gpuCount(c.resources?.requests) > 0);
    expect(others).toEqual([]);
  });
});

describe.each(['cpu', 'dev'] as const)('%s overlay', (overlay) => {
  it('runs workers on the CPU with no GPU', () => {
    const worker = workerContainer(rendered[overlay]);
    expect(envValue(worker, 'VECSHARD_DEVICE')).toBe('cpu');
    expect(gpuCount(worker.resources.limits)).toBe(0);
    expect(worker.image).toMatch(/^vecshard\/vecshard:/);
  });
});

describe('dev overlay', () => {
  const objects = rendered.dev;

  it('brings its own Redis, MinIO and the bucket Job, and points vecshard at them', () => {
    for (const [kind, name] of [
      ['Deployment', 'redis'],
      ['Service', 'redis'],
      ['Deployment', 'minio'],
      ['Service', 'minio'],
      ['Job', 'create-bucket'],
    ]) {
      findObject(objects, kind, name);
    }
    const config = objects.find(
      (o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('vecshard-config'),
    );
    expect(config?.data).toMatchObject({
      VECSHARD_REDIS_URL: 'redis://redis:6379',
      AWS_ENDPOINT_URL: 'http://minio:9000',
      VECSHARD_S3_FORCE_PATH_STYLE: 'true',
    });
    const bucket = config?.data?.VECSHARD_STORE_URL.match(/^s3:\/\/([^/]+)/)?.[1];
    const job = containersOf(findObject(objects, 'Job', 'create-bucket'))[0];
    expect(job.args.join(' ')).toContain(`mb --ignore-existing dev/${bucket}`);
  });
});

describe('dev overlay Redis', () => {
  it('keeps its data with the append-only file on a persistent volume, so a restart of every pod loses nothing', () => {
    const objects = rendered.dev;
    const redis = findObject(objects, 'Deployment', 'redis');
    const container = containersOf(redis)[0];
    const args = container.args.join(' ');
    expect(args).toContain('--appendonly yes');
    expect(args).toContain('--maxmemory-policy noeviction');
    const mount = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === '/data');
    const volume = podSpecOf(redis).volumes.find((v: { name: string }) => v.name === mount.name);
    expect(volume.persistentVolumeClaim?.claimName).toBe('redis-data');
    findObject(objects, 'PersistentVolumeClaim', 'redis-data');
    expect(redis.spec.strategy.type).toBe('Recreate');
  });
});

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  const objects = rendered[overlay];
  const vecshardWorkloads = ['coordinator', 'vecshard-worker'].map(
    (name) =>
      objects.find((o) => o.metadata.name === name && (o.kind === 'Deployment' || o.kind === 'StatefulSet'))!,
  );

  it('runs no container as root', () => {
    const offenders: string[] = [];
    for (const workload of workloads(objects)) {
      const pod = podSpecOf(workload);
      for (const container of allContainers(pod)) {
        const context = { ...pod.securityContext, ...container.securityContext };
        if (context.runAsNonRoot !== true || context.runAsUser === 0 || context.runAsUser === undefined) {
          offenders.push(`${objectName(workload)} ${container.name}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('locks every container down: read-only root, no privilege escalation, no capabilities', () => {
    for (const container of workloads(objects).flatMap(containersOf)) {
      expect(container.securityContext, container.name).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    }
  });

  it('pins every image to an explicit tag, never :latest', () => {
    for (const container of workloads(objects).flatMap(containersOf)) {
      expect(container.image, container.name).toMatch(/^[^:@]+(:[\w][\w.-]*|@sha256:[0-9a-f]{64})$/);
      expect(container.image, container.name).not.toMatch(/:latest$/);
    }
  });

  it('sets requests and limits for cpu and memory on every container', () => {
    for (const container of workloads(objects).flatMap(containersOf)) {
      expect(Object.keys(container.resources?.requests ?? {}), container.name).toEqual(
        expect.arrayContaining(['cpu', 'memory']),
      );
      expect(Object.keys(container.resources?.limits ?? {}), container.name).toEqual(
        expect.arrayContaining(['cpu', 'memory']),
      );
    }
  });

  it('probes coordinators and workers with grpc.health.v1 on their gRPC port, or with TLS on, their health port', () => {
    for (const workload of vecshardWorkloads) {
      const name = objectName(workload);
      for (const container of containersOf(workload)) {
        const portNamed = (wanted: string) =>
          container.ports.find((p: { name: string }) => p.name === wanted)?.containerPort;
        const grpcPort = portNamed('grpc');
        const portEnv = Number(envValue(container, 'VECSHARD_PORT'));
        expect(portEnv, `${name} VECSHARD_PORT`).toBe(grpcPort);
        // Kubernetes' gRPC probe speaks no TLS: with TLS on it must call the plaintext health port.
        const tls = envValue(container, 'VECSHARD_TLS_CERT') !== undefined;
        const probed = tls ? portNamed('health') : grpcPort;
        if (tls)
          expect(Number(envValue(container, 'VECSHARD_HEALTH_PORT')), `${name} health port`).toBe(probed);
        for (const probe of ['readinessProbe', 'livenessProbe']) {
          expect(container[probe]?.grpc?.port, `${name} ${probe}`).toBe(probed);
        }
        if (container.startupProbe) expect(container.startupProbe.grpc?.port).toBe(probed);
      }
    }
  });

  it('lets Prometheus scrape the metrics port each process serves', () => {
    for (const workload of vecshardWorkloads) {
      const annotations = workload.spec.template.metadata.annotations;
      const container = containersOf(workload)[0];
      const metricsPort = container.ports.find((p: { name: string }) => p.name === 'metrics').containerPort;
      expect(annotations['prometheus.io/scrape']).toBe('true');
      expect(Number(annotations['prometheus.io/port'])).toBe(metricsPort);
      expect(Number(envValue(container, 'VECSHARD_METRICS_PORT'))).toBe(metricsPort);
    }
  });

  it('gives vecshard processes a writable /tmp and time to drain on SIGTERM', () => {
    for (const workload of vecshardWorkloads) {
      const name = objectName(workload);
      const pod = podSpecOf(workload);
      expect(pod.terminationGracePeriodSeconds, name).toBeGreaterThanOrEqual(30);
      const tmp = containersOf(workload)[0].volumeMounts.find(
        (m: { mountPath: string }) => m.mountPath === '/tmp',
      );
      const volume = pod.volumes.find((v: { name: string }) => v.name === tmp?.name);
      expect(volume?.emptyDir, `${name} /tmp`).toBeDefined();
    }
  });

  it('runs at least two coordinators and spreads replicas over nodes', () => {
    const coordinator = findObject(objects, 'Deployment', 'coordinator');
    expect(coordinator.spec.replicas).toBeGreaterThanOrEqual(2);
    for (const workload of vecshardWorkloads) {
      const terms =
        podSpecOf(workload).affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution;
      const term = terms[0].podAffinityTerm;
      expect(term.topologyKey).toBe('kubernetes.io/hostname');
      expect(workload.spec.template.metadata.labels).toMatchObject(term.labelSelector.matchLabels);
    }
  });

  it('gives workers stable names through a headless Service they advertise', () => {
    const statefulSet = findObject(objects, 'StatefulSet', 'vecshard-worker');
    const headless = findObject(objects, 'Service', statefulSet.spec.serviceName);
    expect(headless.spec.clusterIP).toBe('None');
    const worker = workerContainer(objects);
    const grpcPort = worker.ports.find((p: { name: string }) => p.name === 'grpc').containerPort;
    expect(envValue(worker, 'VECSHARD_ADVERTISE_ADDRESS')).toBe(
      `$(VECSHARD_WORKER_ID).${headless.metadata.name}.$(POD_NAMESPACE).svc:${grpcPort}`,
    );
    const workerId = worker.env.find((e: { name: string }) => e.name === 'VECSHARD_WORKER_ID');
    expect(workerId.valueFrom.fieldRef.fieldPath).toBe('metadata.name');
  });

  it('selects real pods from every Service and PodDisruptionBudget', () => {
    const podLabels = workloads(objects).map((w) => w.spec.template.metadata.labels ?? {});
    const selects = (selector: Record<string, string>) =>
      podLabels.some((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v));
    for (const object of objects) {
      const selector =
        object.kind === 'Service'
          ? object.spec.selector
          : object.kind === 'PodDisruptionBudget'
            ? object.spec.selector.matchLabels
            : undefined;
      if (selector) expect(selects(selector), objectName(object)).toBe(true);
    }
  });

  it('routes each Service to a named port its pods expose', () => {
    const podPorts = workloads(objects).flatMap((w) =>
      containersOf(w).flatMap((c) => (c.ports ?? []).map((p: { name: string }) => p.name)),
    );
    for (const service of objects.filter((o) => o.kind === 'Service')) {
      for (const port of service.spec.ports) {
        expect(podPorts, `${objectName(service)} ${port.targetPort}`).toContain(port.targetPort);
      }
    }
  });

  it('takes S3 credentials from a Secret reference, never from literal values', () => {
    for (const container of workloads(objects).flatMap(containersOf)) {
      for (const entry of container.env ?? []) {
        if (/SECRET|PASSWORD|ACCESS_KEY/.test(entry.name)) {
          expect(entry.value, `${container.name} ${entry.name}`).toBeUndefined();
          expect(entry.valueFrom?.secretKeyRef, `${container.name} ${entry.name}`).toBeDefined();
        }
      }
    }
  });
});
