import * as grpc from '@grpc/grpc-js';
import { serverTlsCredentials, WatchedCertificates } from '@vecshard/proto';
import type { Logger } from 'pino';

/** The worker's server credentials: plaintext, or mutual TLS with the cluster CA. */
/** The certificate files of a worker (see ShardWorkerOptions). */
export interface WorkerTlsFiles {
  tlsCertFile?: string;
  tlsKeyFile?: string;
  tlsCaFile?: string;
  tlsPollMs?: number;
}

export function workerTls(
  options: WorkerTlsFiles,
  log: Logger,
): { credentials: grpc.ServerCredentials; enabled: boolean; close(): void } {
  const { tlsCertFile, tlsKeyFile, tlsCaFile } = options;
  if (!tlsCertFile && !tlsKeyFile && !tlsCaFile)
    return { credentials: grpc.ServerCredentials.createInsecure(), enabled: false, close: () => {} };
  // A worker holds the data: TLS without client certificates would still let anyone call it.
  if (!tlsCertFile || !tlsKeyFile || !tlsCaFile)
    throw new TypeError('a worker speaks mutual TLS only: give all of --tls-cert, --tls-key and --tls-ca');
  const certificates = new WatchedCertificates(
    { certFile: tlsCertFile, keyFile: tlsKeyFile, caFile: tlsCaFile },
    {
      pollMs: options.tlsPollMs,
      onReload: (files) => log.info({ files }, 'TLS certificates reloaded'),
      onError: (error) =>
        log.error({ err: error }, 'new TLS certificates refused; keeping the previous ones'),
    },
  );
  return {
    credentials: serverTlsCredentials(certificates, true),
    enabled: true,
    close: () => certificates.close(),
  };
}
