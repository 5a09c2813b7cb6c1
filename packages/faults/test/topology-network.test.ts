import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeNetwork } from '../src/topology/bridge-network.js';
import { assertPrerequisites } from '../src/topology/prerequisites.js';
import {
  addressOf,
  canConnect,
  datagramArrives,
  leftovers,
  smallNetwork,
  tcpServer,
  udpListener,
} from './topology-probes.js';

// Needs root and iproute2/iptables (CI runs as root): without them this fails, saying so, rather than skip.
describe('the bridge network of a fault run', () => {
  let network: BridgeNetwork;
  const ns = (name: string) => network.member(name).namespace;

  beforeAll(async () => {
    assertPrerequisites();
    network = await smallNetwork(3);
    await tcpServer(ns('b'), addressOf(network, 'b'));
  });

  afterAll(() => network?.removeSync());

  it('lets the namespaces reach each other, and the root namespace reach them, over the bridge', async () => {
    expect(await canConnect(ns('a'), addressOf(network, 'b'))).toBe(true);
    expect(await canConnect(undefined, addressOf(network, 'b'))).toBe(true);
  });

  it('cuts an isolated namespace off from everyone, and healing restores it', async () => {
    const b = network.member('b');
    await b.filter.isolate();
    expect(await canConnect(ns('a'), addressOf(network, 'b'))).toBe(false);
    expect(await canConnect(undefined, addressOf(network, 'b'))).toBe(false);
    await b.filter.heal();
    expect(await canConnect(ns('a'), addressOf(network, 'b'))).toBe(true);
    expect(await canConnect(undefined, addressOf(network, 'b'))).toBe(true);
  });

  it('cuts only the peers named', async () => {
    const b = network.member('b');
    await b.filter.cut([addressOf(network, 'a')]);
    expect(await canConnect(ns('a'), addressOf(network, 'b'))).toBe(false);
    expect(await canConnect(ns('c'), addressOf(network, 'b'))).toBe(true);
    await b.filter.heal();
    expect(await canConnect(ns('a'), addressOf(network, 'b'))).toBe(true);
  });

  it('drops one direction only in a one-way cut', async () => {
    const listenerOnA = await udpListener(ns('a'), addressOf(network, 'a'));
    const listenerOnB = await udpListener(ns('b'), addressOf(network, 'b'));
    const b = network.member('b');
    await b.filter.cut([addressOf(network, 'a')], 'outbound');
    expect(await b.filter.rules()).toHaveLength(1);
    expect(await datagramArrives(ns('a'), addressOf(network, 'b'), listenerOnB, 'a-to-b')).toBe(true);
    expect(await datagramArrives(ns('b'), addressOf(network, 'a'), listenerOnA, 'b-to-a')).toBe(false);
    await b.filter.heal();
    expect(await b.filter.rules()).toHaveLength(0);
    expect(await datagramArrives(ns('b'), addressOf(network, 'a'), listenerOnA, 'b-to-a-healed')).toBe(true);
  });

  it('leaves nothing behind once removed, the processes inside included', async () => {
    const other = await smallNetwork(2);
    const server = await tcpServer(other.member('a').namespace, addressOf(other, 'a'));
    const exited = new Promise((resolve) => server.once('exit', resolve));
    const names = [
      other.member('a').namespace,
      other.member('b').namespace,
      other.names.bridge,
      other.names.hostVeth(0),
      other.names.hostVeth(1),
    ];
    expect(await leftovers(names)).toEqual(names);
    other.removeSync();
    await exited;
    expect(await leftovers(names)).toEqual([]);
  });
});
