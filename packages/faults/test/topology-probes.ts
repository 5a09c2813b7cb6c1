import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BridgeNetwork, type NetworkMember } from '../src/topology/bridge-network.js';
import { newRunNames, type RunNames } from '../src/topology/run-names.js';
import { freeSubnet } from '../src/topology/subnet.js';

/** A network of `count` namespaces called a, b, c … at .10, .11 … */
export async function smallNetwork(count: number, names: RunNames = newRunNames()): Promise<BridgeNetwork> {
  const subnet = await freeSubnet();
  const members: NetworkMember[] = Array.from({ length: count }, (_, i) => ({
    name: String.fromCharCode(97 + i),
    index: i,
    address: subnet.address(10 + i),
  }));
  return BridgeNetwork.create(names, subnet, members);
}

export function addressOf(network: BridgeNetwork, name: string): string {
  return network.subnet.address(10 + name.charCodeAt(0) - 97);
}

/** A node program run in a namespace (or the root namespace when `namespace` is undefined). */
function nodeIn(namespace: string | undefined, script: string): ChildProcess {
  const args = ['-e', script];
  return namespace
    ? spawn('ip', ['netns', 'exec', namespace, process.execPath, ...args], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
    : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
function lineMatching(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (pattern.test(line)) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before printing ${pattern}`)));
  });
}

/** A TCP server on address:7000 inside a namespace, which closes each connection at once. */
export async function tcpServer(namespace: string, address: string): Promise<ChildProcess> {
  const server = nodeIn(
    namespace,
    `require('net').createServer((s) => s.end()).listen(7000, '${address}', () => console.log('listening'))`,
  );
  await lineMatching(server, /listening/);
  return server;
}

/** Whether a TCP connection to address:7000 from `namespace` (root when undefined) opens within 1 s. */
export function canConnect(namespace: string | undefined, address: string): Promise<boolean> {
  const probe = nodeIn(
    namespace,
    `const s = require('net').connect({ port: 7000, host: '${address}', timeout: 1000 });
     s.on('connect', () => process.exit(0)); s.on('timeout', () => process.exit(1)); s.on('error', () => process.exit(1));`,
  );
  return new Promise((resolve) => probe.once('exit', (code) => resolve(code === 0)));
}

/** A UDP listener on address:7001 inside a namespace; resolves once it listens. */
export async function udpListener(namespace: string, address: string): Promise<ChildProcess> {
  const listener = nodeIn(
    namespace,
    `const s = require('dgram').createSocket('udp4');
     s.on('message', (m) => console.log('got ' + m)); s.bind(7001, '${address}', () => console.log('listening'));`,
  );
  await lineMatching(listener, /listening/);
  return listener;
}

/**
 * Sends datagrams to address:7001 from `namespace` every 100 ms for `forMs`,
 * each saying `tag`; resolves whether `listener` printed it meanwhile.
 */
export async function datagramArrives(
  namespace: string,
  address: string,
  listener: ChildProcess,
  tag: string,
  forMs = 1500,
): Promise<boolean> {
  let seen = false;
  const watch = lineMatching(listener, new RegExp(`got ${tag}`)).then(
    () => (seen = true),
    () => {},
  );
  const sender = nodeIn(
    namespace,
    `const s = require('dgram').createSocket('udp4'); let n = 0;
     const t = setInterval(() => { s.send('${tag}', 7001, '${address}'); if (++n * 100 >= ${forMs}) { clearInterval(t); s.close(); } }, 100);`,
  );
  await new Promise((resolve) => sender.once('exit', resolve));
  // The last datagram may still be on its way through the bridge: one more turn for its line.
  await Promise.race([watch, new Promise((resolve) => setTimeout(resolve, 200))]);
  return seen;
}

/** Which of these names `ip netns list` and `ip link` still show. */
export function leftovers(names: string[]): Promise<string[]> {
  const list = (args: string[]) =>
    new Promise<string>((resolve) => execFile('ip', args, (_error, stdout) => resolve(String(stdout))));
  return Promise.all([list(['netns', 'list']), list(['-o', 'link', 'show'])]).then(([namespaces, links]) =>
    names.filter(
      (name) => namespaces.includes(name) || links.includes(`${name}:`) || links.includes(`${name}@`),
    ),
  );
}
