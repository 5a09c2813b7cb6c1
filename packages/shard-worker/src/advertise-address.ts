import { hostname } from 'node:os';

/** Addresses that mean "every interface": fine to listen on, never something another host can dial. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The address coordinators dial when none is given: the interface the worker listens
 * on, or, when that is every interface (as in a container), this machine's hostname,
 * which the container network resolves to this container.
 */
export function defaultAdvertiseAddress(
  host: string,
  port: number,
  machineName: string = hostname(),
): string {
  return `${WILDCARD_HOSTS.has(host) ? machineName : host}:${port}`;
}
