import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';

/** How a client reaches a coordinator that speaks TLS. */
export interface ClientTlsOptions {
  /** PEM of the CA that signed the coordinator's certificate; default: the system's trusted roots. */
  ca?: string | Buffer;
  /**
   * A client certificate and its key (PEM), presented to servers that ask for
   * one: shard workers speak mutual TLS, so direct searches (`direct: true`)
   * over TLS need a certificate their CA signed.
   */
  cert?: string | Buffer;
  key?: string | Buffer;
}

export interface ChannelSecurityOptions {
  /** Sent as `authorization: Bearer <key>` on every call. */
  apiKey?: string;
  /** TLS towards the coordinator; true = the system's trusted roots. */
  tls?: ClientTlsOptions | boolean;
}

/**
 * Fills what the options leave out from the environment: VECSHARD_API_KEY,
 * and VECSHARD_TLS_CA (a CA file's path, which also turns TLS on).
 */
export function securityFromEnv(
  options: ChannelSecurityOptions,
  env: NodeJS.ProcessEnv = process.env,
): ChannelSecurityOptions {
  const apiKey = options.apiKey ?? (env.VECSHARD_API_KEY || undefined);
  let tls = options.tls;
  if (tls === undefined && env.VECSHARD_TLS_CA) {
    try {
      tls = { ca: readFileSync(env.VECSHARD_TLS_CA) };
    } catch (error) {
      throw new Error(`cannot read VECSHARD_TLS_CA ${env.VECSHARD_TLS_CA}: ${(error as Error).message}`);
    }
  }
  return { apiKey, tls };
}

/** Plaintext, or TLS trusting the given CA (or the system's roots). */
export function channelCredentials(tls: ChannelSecurityOptions['tls']): grpc.ChannelCredentials {
  if (!tls) return grpc.credentials.createInsecure();
  const { ca, cert, key } = tls === true ? {} : tls;
  return grpc.credentials.createSsl(
    ca === undefined ? null : Buffer.from(ca),
    key === undefined ? null : Buffer.from(key),
    cert === undefined ? null : Buffer.from(cert),
  );
}

/**
 * A client interceptor adding the API key to every call's metadata. It works
 * over plaintext too, where gRPC's call credentials are refused, so a key
 * reaches a coordinator behind a TLS-terminating proxy.
 */
export function apiKeyInterceptor(apiKey: string): grpc.Interceptor {
  return (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        metadata.set('authorization', `Bearer ${apiKey}`);
        next(metadata, listener);
      },
    });
}
