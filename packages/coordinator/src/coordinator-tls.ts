import * as grpc from '@grpc/grpc-js';
import { channelTlsCredentials, serverTlsCredentials, WatchedCertificates } from '@vecshard/proto';
import type { Logger } from 'pino';

/** The coordinator's two TLS sides: its public API, and its calls to workers. */
export interface CoordinatorTls {
  publicApi: grpc.ServerCredentials;
  toWorkers: grpc.ChannelCredentials;
  /** Whether the public API speaks TLS. */
  enabled: boolean;
  /** The public API's certificate, watched: the web console serves HTTPS with it too. */
  served?: WatchedCertificates;
  close(): void;
}

/** The certificate files of a coordinator (see CoordinatorOptions). */
export interface CoordinatorTlsFiles {
  tlsCertFile?: string;
  tlsKeyFile?: string;
  tlsCaFile?: string;
  tlsClientCertFile?: string;
  tlsClientKeyFile?: string;
  tlsPollMs?: number;
}

/** Reads and watches the certificate files the options name; plaintext where none are named. */
export function coordinatorTls(options: CoordinatorTlsFiles, log: Logger): CoordinatorTls {
  const watch = {
    pollMs: options.tlsPollMs,
    onReload: (files: string[]) => log.info({ files }, 'TLS certificates reloaded'),
    onError: (error: Error) =>
      log.error({ err: error }, 'new TLS certificates refused; keeping the previous ones'),
  };
  const opened: WatchedCertificates[] = [];
  try {
    let publicApi = grpc.ServerCredentials.createInsecure();
    let served: WatchedCertificates | undefined;
    if (options.tlsCertFile || options.tlsKeyFile) {
      served = new WatchedCertificates({ certFile: options.tlsCertFile, keyFile: options.tlsKeyFile }, watch);
      opened.push(served);
      publicApi = serverTlsCredentials(served, false);
    }
    let toWorkers = grpc.credentials.createInsecure();
    if (options.tlsCaFile || options.tlsClientCertFile || options.tlsClientKeyFile) {
      if (!options.tlsCaFile || !options.tlsClientCertFile || !options.tlsClientKeyFile)
        throw new TypeError(
          'mutual TLS to workers needs all of --tls-ca, --tls-client-cert and --tls-client-key',
        );
      const presented = new WatchedCertificates(
        { certFile: options.tlsClientCertFile, keyFile: options.tlsClientKeyFile, caFile: options.tlsCaFile },
        watch,
      );
      opened.push(presented);
      toWorkers = channelTlsCredentials(presented);
    }
    return {
      publicApi,
      toWorkers,
      enabled: opened.length > 0 && !!options.tlsCertFile,
      served,
      close: () => {
        for (const certificates of opened) certificates.close();
      },
    };
  } catch (error) {
    for (const certificates of opened) certificates.close();
    throw error;
  }
}
