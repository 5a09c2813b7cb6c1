import { describe, expect, it } from 'vitest';
import { liveReplicasIn } from '../src/redis-durability.js';

const master = (...replicas: string[]) =>
  [
    '# Replication',
    'role:master',
    `connected_slaves:${replicas.length}`,
    ...replicas.map((r, i) => `slave${i}:${r}`),
    'master_failover_state:no-failover',
    'master_repl_offset:1234',
    '',
  ].join('\r\n');

describe('live Redis replicas (the ones a write waits for)', () => {
  it('counts online replicas heard from within 2 s', () => {
    const info = master(
      'ip=10.0.0.11,port=6379,state=online,offset=1234,lag=0',
      'ip=10.0.0.12,port=6379,state=online,offset=1200,lag=1',
    );
    expect(liveReplicasIn(info)).toBe(2);
  });

  it('leaves out a replica still syncing or silent for longer', () => {
    const info = master(
      'ip=10.0.0.11,port=6379,state=online,offset=1234,lag=0',
      'ip=10.0.0.12,port=6379,state=online,offset=900,lag=7',
      'ip=10.0.0.13,port=6379,state=wait_bgsave,offset=0,lag=0',
    );
    expect(liveReplicasIn(info)).toBe(1);
  });

  it('is 0 for a master alone and for a replica', () => {
    expect(liveReplicasIn(master())).toBe(0);
    expect(liveReplicasIn('# Replication\r\nrole:slave\r\nmaster_host:10.0.0.10\r\n')).toBe(0);
  });
});
