import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coordinatorOptionsFromArgs } from '@vecshard/coordinator';
import { parseDevice, workerOptionsFromArgs } from '@vecshard/shard-worker';
import { describe, expect, it } from 'vitest';
import {
  type ComposeService,
  namedVolumeMounts,
  publishedContainerPorts,
  readComposeFile,
  startOrder,
} from './compose.js';
import { environmentOf, parseDockerfile } from './dockerfile.js';
import { REPO_ROOT } from './kustomize.js';

const compose = readComposeFile('docker-compose.yml');
const gpu = readComposeFile('gpu.yml');
const services = compose.services;

const cpuImage = parseDockerfile(join(REPO_ROOT, 'deploy/docker/Dockerfile')).stages.at(-1)!;
const gpuImage = parseDockerfile(join(REPO_ROOT, 'deploy/docker/Dockerfile.gpu')).stages.at(-1)!;

/** The image tag a Dockerfile's header tells users to build (`docker build ... -t TAG .`). */
function documentedTag(dockerfile: string): string {
  const text = readFileSync(join(REPO_ROOT, dockerfile), 'utf8');
  const tag = /docker build -f \S+ -t (\S+) \./.exec(text)?.[1];
  if (!tag) throw new Error(`${dockerfile} names no image tag to build`);
  return tag;
}

/** Services running a vecshard process, by the process their command starts. */
function servicesRunning(process: 'coordinator' | 'worker'): [string, ComposeService][] {
  return Object.entries(services).filter(([, service]) => service.command?.[0] === process);
}

/** What a coordinator service really runs with: the image's env, then the service's, then its flags. */
function coordinatorOptionsOf(service: ComposeService) {
  return coordinatorOptionsFromArgs(service.command?.slice(1) ?? [], {
    ...environmentOf(cpuImage),
    ...service.environment,
  });
}

/** The same for a worker service, in the CPU image or the GPU one. */
function workerOptionsOf(service: ComposeService, image = cpuImage) {
  return workerOptionsFromArgs(service.command?.slice(1) ?? [], {
    ...environmentOf(image),
    ...service.environment,
  });
}

/** host:port a health check (`vecshard health --address ...`) asks. */
function healthCheckAddress(service: ComposeService): string | undefined {
  const test = service.healthcheck?.test ?? [];
  return test[test.indexOf('--address') + 1];
}

const coordinators = servicesRunning('coordinator');
const workers = servicesRunning('worker');

describe('compose: the service graph', () => {
  it('runs Redis, MinIO, a bucket job, one coordinator and two or three workers', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['redis', 'minio', 'create-bucket']));
    expect(coordinators).toHaveLength(1);
    expect(workers.length).toBeGreaterThanOrEqual(2);
    expect(workers.length).toBeLessThanOrEqual(3);
  });

  it('depends only on services that exist, with a condition, and has no cycle', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(Object.keys(services), `${name} depends on ${dependency}`).toContain(dependency);
        expect(['service_healthy', 'service_completed_successfully'], `${name} -> ${dependency}`).toContain(
          condition,
        );
      }
    }
    expect(() => startOrder(services)).not.toThrow();
  });

  it('waits for what each process needs before starting it', () => {
    const [, coordinator] = coordinators[0];
    expect(coordinator.depends_on?.redis?.condition).toBe('service_healthy');
    expect(coordinator.depends_on?.['create-bucket']?.condition).toBe('service_completed_successfully');
    expect(services['create-bucket'].depends_on?.minio?.condition).toBe('service_healthy');
    for (const [name, worker] of workers) {
      expect(worker.depends_on?.redis?.condition, name).toBe('service_healthy');
      // Collections are placed over the workers registered when they are created.
      expect(coordinator.depends_on?.[name]?.condition, `coordinator -> ${name}`).toBe('service_healthy');
    }
  });

  it('health-checks every long-running service; the bucket job runs once', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === 'create-bucket') {
        expect(service.restart).toBe('no');
        continue;
      }
      expect(service.healthcheck?.test?.[0], name).toMatch(/^CMD/);
    }
  });

  it('creates the bucket the coordinator stores snapshots in, on the MinIO it talks to', () => {
    const [, coordinator] = coordinators[0];
    const store = new URL(coordinatorOptionsOf(coordinator).storeUrl ?? '');
    expect(store.protocol).toBe('s3:');
    expect(services['create-bucket'].command?.join('\n')).toMatch(
      new RegExp(`mc mb --ignore-existing \\w+/${store.hostname}\\n`),
    );
    const endpoint = new URL(coordinator.environment?.AWS_ENDPOINT_URL ?? '');
    expect(endpoint.hostname).toBe('minio');
    expect(services.minio.command?.join(' ')).toContain(`--address :${endpoint.port}`);
    expect(coordinator.environment?.VECSHARD_S3_FORCE_PATH_STYLE).toBe('true');
    // The coordinator's keys are MinIO's root credentials.
    expect(coordinator.environment?.AWS_ACCESS_KEY_ID).toBe(services.minio.environment?.MINIO_ROOT_USER);
    expect(coordinator.environment?.AWS_SECRET_ACCESS_KEY).toBe(
      services.minio.environment?.MINIO_ROOT_PASSWORD,
    );
  });

  it('points every vecshard process at the Redis service', () => {
    const redisUrls = [
      ...coordinators.map(([name, service]) => [name, coordinatorOptionsOf(service).redisUrl]),
      ...workers.map(([name, service]) => [name, workerOptionsOf(service).redisUrl]),
    ];
    for (const [name, url] of redisUrls) {
      const redis = new URL(url);
      expect(redis.hostname, name).toBe('redis');
      expect(redis.port || '6379', name).toBe('6379');
    }
  });
});

describe('compose: ports and addresses', () => {
  it('publishes the coordinator port and metrics port the coordinator listens on, on every interface of its container', () => {
    const [name, coordinator] = coordinators[0];
    const options = coordinatorOptionsFromArgs([], {});
    const inContainer = coordinatorOptionsOf(coordinator);
    expect(inContainer.host, name).toBe('0.0.0.0');
    expect(publishedContainerPorts(coordinator)).toEqual([inContainer.port, inContainer.metricsPort]);
    expect(inContainer.port).toBe(options.port);
    expect(healthCheckAddress(coordinator)).toBe(`127.0.0.1:${inContainer.port}`);
  });

  it('publishes on loopback unless told otherwise', () => {
    for (const service of Object.values(services)) {
      for (const mapping of service.ports ?? []) expect(mapping).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it('has each worker listen on a fixed port and advertise its own service name', () => {
    for (const [name, worker] of workers) {
      const options = workerOptionsOf(worker);
      expect(options.host, name).toBe('0.0.0.0');
      expect(options.port, name).toBeGreaterThan(0);
      expect(healthCheckAddress(worker), name).toBe(`127.0.0.1:${options.port}`);
      // Without an explicit address a worker on 0.0.0.0 advertises <hostname>:PORT, and
      // the compose network resolves the service name, so the two must be the same.
      expect(options.advertiseAddress, name).toBeUndefined();
      expect(worker.hostname, name).toBe(name);
    }
  });

  it('runs the health checks with the image entry point', () => {
    const entrypoint = JSON.parse(
      cpuImage.instructions.filter((i) => i.keyword === 'ENTRYPOINT').at(-1)?.args ?? '[]',
    ) as string[];
    for (const [name, service] of [...coordinators, ...workers]) {
      expect(service.healthcheck?.test.slice(1, 4), name).toEqual([...entrypoint, 'health']);
    }
  });
});

describe('compose: containers and volumes', () => {
  it('runs vecshard from the CPU image, as its non-root user, hardened', () => {
    for (const [name, service] of [...coordinators, ...workers]) {
      expect(service.image, name).toBe(documentedTag('deploy/docker/Dockerfile'));
      // The image's USER (10001) applies unless a service overrides it.
      expect(service.user, name).toBeUndefined();
      expect(service.read_only, name).toBe(true);
      expect(service.cap_drop, name).toEqual(['ALL']);
      expect(service.security_opt, name).toContain('no-new-privileges:true');
      expect(service.tmpfs, name).toContain('/tmp');
    }
  });

  it('keeps Redis, MinIO and the coordinator data on named volumes', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, service] of Object.entries(services)) {
      for (const volume of Object.values(namedVolumeMounts(service)))
        expect(declared, name).toContain(volume);
    }
    const redisCommand = services.redis.command ?? [];
    expect(redisCommand[redisCommand.indexOf('--appendonly') + 1]).toBe('yes');
    expect(namedVolumeMounts(services.redis)).toHaveProperty(redisCommand[redisCommand.indexOf('--dir') + 1]);
    expect(namedVolumeMounts(services.minio)).toHaveProperty(services.minio.command?.[1] ?? '');
    const [, coordinator] = coordinators[0];
    expect(namedVolumeMounts(coordinator)).toHaveProperty(coordinatorOptionsOf(coordinator).dataDir);
  });

  it('names the project, so volumes are vecshard_* whatever the checkout is called', () => {
    expect(compose.name).toBe('vecshard');
  });
});

describe('compose: the GPU override', () => {
  it('turns every worker, and nothing else, into a GPU worker', () => {
    expect(Object.keys(gpu.services).sort()).toEqual(workers.map(([name]) => name).sort());
  });

  it('gives each worker the GPU image, its own NVIDIA GPU, and a cuda device', () => {
    const deviceIds: string[] = [];
    for (const [name, override] of Object.entries(gpu.services)) {
      expect(override.image, name).toBe(documentedTag('deploy/docker/Dockerfile.gpu'));
      const requests = override.deploy?.resources?.reservations?.devices ?? [];
      expect(requests, name).toHaveLength(1);
      expect(requests[0].driver, name).toBe('nvidia');
      expect(requests[0].capabilities, name).toContain('gpu');
      expect(requests[0].device_ids, name).toHaveLength(1);
      deviceIds.push(requests[0].device_ids[0]);
      const base = services[name];
      const options = workerOptionsOf(
        { ...base, ...override, environment: { ...base.environment, ...override.environment } },
        gpuImage,
      );
      // The worker sees only its own GPU, so it is always cuda:0 inside the container.
      expect(parseDevice(options.device, true).cudaIndex, name).toBe(0);
    }
    expect(new Set(deviceIds).size).toBe(deviceIds.length);
  });
});
