import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NodePlan } from './cluster-layout.js';
import { REDIS_PORT, redisServerArgs, SENTINEL_PORT, writeSentinelConfig } from './redis-config.js';

export const COORDINATOR_PORT = 50051;
export const WORKER_PORT = 50061;

/** What runs on a node, and the line it prints once it serves. */
export interface NodeCommand {
  command: string;
  args: string[];
  ready: RegExp;
  env?: NodeJS.ProcessEnv;
}

export interface CommandContext {
  /** Where each node keeps its files (its own folder below). */
  dataDir: string;
  /** The redis-sentinel:// URL coordinators and workers use. */
  redisUrl: string;
  /** Redis data node the Sentinels start watching. */
  firstMaster: string;
  sentinelQuorum: number;
  /** A worker gone this long has its copies rebuilt elsewhere (the coordinator's --replica-grace-s). */
  replicaGraceS: number;
  /** Extra environment of the coordinators (the unsafe acknowledgement switch of --broken). */
  coordinatorEnv: NodeJS.ProcessEnv;
}

const require = createRequire(import.meta.url);
const READY_REDIS = /Ready to accept connections/;
const READY_SENTINEL = /\+monitor master/;

function entryPoint(pkg: string): string {
  return join(dirname(require.resolve(pkg)), 'main.js');
}

/**
 * The command line of a node's process. A Redis node given `replicaOf`
 * starts as that master's replica (a restarted old master). Each node gets
 * a folder of its own under the run's data folder.
 */
export function commandFor(node: NodePlan, ctx: CommandContext, replicaOf?: string): NodeCommand {
  const dir = join(ctx.dataDir, node.name);
  mkdirSync(dir, { recursive: true });
  switch (node.role) {
    case 'redis':
      return {
        command: 'redis-server',
        args: redisServerArgs({ address: node.address, dataDir: dir, replicaOf }),
        ready: READY_REDIS,
      };
    case 'sentinel': {
      const config = join(dir, 'sentinel.conf');
      writeSentinelConfig(config, {
        address: node.address,
        masterAddress: ctx.firstMaster,
        quorum: ctx.sentinelQuorum,
        dataDir: dir,
      });
      return { command: 'redis-server', args: [config, '--sentinel'], ready: READY_SENTINEL };
    }
    case 'coordinator':
      return {
        command: process.execPath,
        args: [
          entryPoint('@vecshard/coordinator'),
          ...vecshardArgs(node, ctx, COORDINATOR_PORT),
          ...['--data-dir', dir, '--replica-grace-s', String(ctx.replicaGraceS)],
        ],
        ready: /coordinator ready at (\S+)/,
        // Empty store → no write log: set it explicitly, so the runner's own environment does not leak in.
        env: { VECSHARD_STORE_URL: `file://${join(ctx.dataDir, 'store')}`, ...ctx.coordinatorEnv },
      };
    case 'worker':
      return {
        command: process.execPath,
        args: [
          entryPoint('@vecshard/shard-worker'),
          ...vecshardArgs(node, ctx, WORKER_PORT),
          // Dialled by the coordinators at its namespace's address, not the default it would guess.
          ...['--advertise', `${node.address}:${WORKER_PORT}`, '--id', node.name, '--threads', '1'],
        ],
        ready: /shard-worker ready at (\S+)/,
      };
  }
}

function vecshardArgs(node: NodePlan, ctx: CommandContext, port: number): string[] {
  return [
    ...['--host', node.address, '--port', String(port), '--redis', ctx.redisUrl],
    ...['--metrics-port', 'off', '--log-level', 'info'],
  ];
}

/** The TCP port a node serves on. */
export function portOf(node: NodePlan): number {
  return { redis: REDIS_PORT, sentinel: SENTINEL_PORT, coordinator: COORDINATOR_PORT, worker: WORKER_PORT }[
    node.role
  ];
}
