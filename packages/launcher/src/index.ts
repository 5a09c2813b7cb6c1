export { type ManagedProcess, startProcess, stopChild } from './child-process.js';
export {
  type ClusterProcessId,
  type LocalCluster,
  type LocalClusterOptions,
  startLocalCluster,
} from './local-cluster.js';
export { freePort, startRedisServer } from './redis-server.js';
export {
  type CertificateAuthority,
  type CertificateRequest,
  createCertificateAuthority,
  issueCertificate,
  loadCertificateAuthority,
  type PemCertificate,
} from './secrets/certificates.js';
export { type ApiKeyRole, type ClusterSecrets, ensureClusterSecrets } from './secrets/cluster-secrets.js';
export { SupervisedProcess, type SupervisorEvent } from './supervised-process.js';
