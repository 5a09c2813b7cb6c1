import type { IncomingMessage } from 'node:http';
import { type ApiKeyRing, type KeyHolder, requiredRole, roleAllows } from '@vecshard/proto';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Who may make a console call: its key holder (none on an open cluster), or why not, as an HTTP status. */
export type ConsoleAccess =
  | { allowed: true; holder?: KeyHolder }
  | { allowed: false; status: 401 | 403; message: string };

/**
 * Checks a console API call's `Authorization: Bearer <key>` header against the
 * coordinator's keys, for the role of the gRPC method the call mirrors: a
 * console call needs exactly what the same call through the API needs. The
 * page sends the key in this header only, never in a URL.
 */
export function checkConsoleAccess(
  request: IncomingMessage,
  keys: (() => ApiKeyRing) | undefined,
  mirrors: string,
): ConsoleAccess {
  if (!keys) return { allowed: true };
  const needed = requiredRole(`/vecshard.v1.Vecshard/${mirrors}`);
  if (needed === 'none') return { allowed: true };
  const key = BEARER.exec(request.headers.authorization ?? '')?.[1];
  if (!key) return { allowed: false, status: 401, message: 'this cluster needs an API key' };
  const holder = keys().identify(key);
  if (!holder) return { allowed: false, status: 401, message: 'unknown API key' };
  if (!roleAllows(holder.role, needed))
    return {
      allowed: false,
      status: 403,
      message: `API key "${holder.name}" has role ${holder.role}; ${mirrors} needs ${needed}`,
    };
  return { allowed: true, holder };
}
