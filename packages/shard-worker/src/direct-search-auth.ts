import * as grpc from '@grpc/grpc-js';
import { authInterceptor, SHARD_SEARCH_SERVICE_NAME, type WatchedApiKeys } from '@vecshard/proto';
import type { Logger } from 'pino';

const DIRECT_SEARCH_PREFIX = `/${SHARD_SEARCH_SERVICE_NAME}/`;

/**
 * Checks API keys on the client-facing search service only, with the
 * coordinator's key rules (read role). The internal service carries no key:
 * its callers are coordinators, authenticated by mutual TLS.
 */
export function directSearchInterceptor(apiKeys: WatchedApiKeys, log: Logger): grpc.ServerInterceptor {
  const auth = authInterceptor(
    () => apiKeys.current(),
    ({ method, code, caller }) => log.debug({ method, status: grpc.status[code], caller }, 'call refused'),
  );
  return (method, call) =>
    method.path.startsWith(DIRECT_SEARCH_PREFIX) ? auth(method, call) : new grpc.ServerInterceptingCall(call);
}
