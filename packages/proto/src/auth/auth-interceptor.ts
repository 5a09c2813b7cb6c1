import * as grpc from '@grpc/grpc-js';
import type { ApiKeyRing } from './api-key-ring.js';
import { requiredRole, roleAllows } from './roles.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Why a call was refused, without the key. */
export type AuthRefusal = (refusal: { method: string; code: grpc.status; caller?: string }) => void;

/**
 * A server interceptor that checks each call's `authorization: Bearer <key>`
 * metadata against the keys in force and the role the method needs, before the
 * call reaches its handler: a missing or unknown key gets UNAUTHENTICATED, a
 * key whose role is too low PERMISSION_DENIED.
 */
export function authInterceptor(keys: () => ApiKeyRing, onRefused?: AuthRefusal): grpc.ServerInterceptor {
  return (method, call) => {
    const needed = requiredRole(method.path);
    if (needed === 'none') return new grpc.ServerInterceptingCall(call);
    return new grpc.ServerInterceptingCall(call, {
      start: (next) => {
        next({
          onReceiveMetadata: (metadata, pass) => {
            const refusal = check(keys(), metadata, needed, method.path);
            if (!refusal) return pass(metadata);
            onRefused?.({ method: method.path, code: refusal.code, caller: refusal.caller });
            call.sendStatus({ code: refusal.code, details: refusal.details, metadata: new grpc.Metadata() });
          },
        });
      },
    });
  };
}

function check(
  keys: ApiKeyRing,
  metadata: grpc.Metadata,
  needed: Parameters<typeof roleAllows>[1],
  path: string,
): { code: grpc.status; details: string; caller?: string } | undefined {
  const header = metadata.get('authorization')[0];
  if (typeof header !== 'string' || header === '')
    return {
      code: grpc.status.UNAUTHENTICATED,
      details: 'this cluster needs an API key: send "authorization: Bearer <key>" metadata',
    };
  const key = BEARER.exec(header)?.[1];
  if (!key)
    return {
      code: grpc.status.UNAUTHENTICATED,
      details: 'the authorization metadata must read "Bearer <key>"',
    };
  const holder = keys.identify(key);
  if (!holder) return { code: grpc.status.UNAUTHENTICATED, details: 'unknown API key' };
  if (!roleAllows(holder.role, needed))
    return {
      code: grpc.status.PERMISSION_DENIED,
      details: `API key "${holder.name}" has role ${holder.role}; ${path.split('/').pop()} needs ${needed}`,
      caller: holder.name,
    };
  return undefined;
}
