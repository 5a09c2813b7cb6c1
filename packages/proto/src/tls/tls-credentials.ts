import * as grpc from '@grpc/grpc-js';
import type { WatchedCertificates } from './watched-certificates.js';

/**
 * Server credentials from watched files; with `requireClientCertificate` the
 * server accepts only clients whose certificate the watched CA signed.
 */
export function serverTlsCredentials(
  certificates: WatchedCertificates,
  requireClientCertificate: boolean,
): grpc.ServerCredentials {
  // grpc-js takes the identity provider first, then the CA provider (its
  // parameter names say otherwise); one provider serves both here anyway.
  return grpc.experimental.createCertificateProviderServerCredentials(
    certificates,
    requireClientCertificate ? certificates : (null as unknown as WatchedCertificates),
    requireClientCertificate,
  );
}

/** Channel credentials that verify the server with the watched CA and present the watched certificate. */
export function channelTlsCredentials(certificates: WatchedCertificates): grpc.ChannelCredentials {
  return grpc.experimental.createCertificateProviderChannelCredentials(certificates, certificates);
}
