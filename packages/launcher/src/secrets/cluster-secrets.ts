import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCertificateAuthority, issueCertificate, type PemCertificate } from './certificates.js';

export const API_KEY_ROLES = ['read', 'write', 'admin'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/** The files of a secured local cluster, all under one folder. */
export interface ClusterSecrets {
  dir: string;
  /** The cluster CA: clients trust it for the coordinator, coordinator and workers for each other. */
  caCert: string;
  caKey: string;
  /** The coordinator's public API certificate. */
  serverCert: string;
  serverKey: string;
  /** What the coordinator presents to workers. */
  coordinatorClientCert: string;
  coordinatorClientKey: string;
  /** What workers serve with. */
  workerCert: string;
  workerKey: string;
  /** JSON array of { name, key, role }, one key per role. */
  apiKeysFile: string;
  apiKeys: Record<ApiKeyRole, string>;
}

const LOCAL_NAMES = { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] };

/**
 * The secrets under `dir`: read back when a previous run left them (so keys
 * and the CA clients trust survive a restart), made afresh otherwise: a CA,
 * certificates for the coordinator (serving and as a client) and the workers,
 * valid for localhost and 127.0.0.1, and one API key per role. Private keys
 * and the key file are readable by the owner only.
 */
export async function ensureClusterSecrets(dir: string): Promise<ClusterSecrets> {
  const files = secretFiles(dir);
  const required = [
    files.caCert,
    files.caKey,
    files.serverCert,
    files.serverKey,
    files.coordinatorClientCert,
    files.coordinatorClientKey,
    files.workerCert,
    files.workerKey,
    files.apiKeysFile,
  ];
  if (required.every((file) => existsSync(file)))
    return { ...files, apiKeys: readApiKeys(files.apiKeysFile) };

  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = await createCertificateAuthority('vecshard local cluster CA');
  const server = await issueCertificate(ca, {
    commonName: 'vecshard coordinator',
    usages: ['server'],
    ...LOCAL_NAMES,
  });
  const coordinatorClient = await issueCertificate(ca, {
    commonName: 'vecshard coordinator',
    usages: ['client'],
  });
  const worker = await issueCertificate(ca, {
    commonName: 'vecshard shard worker',
    usages: ['server'],
    ...LOCAL_NAMES,
  });
  writePair(files.caCert, files.caKey, ca);
  writePair(files.serverCert, files.serverKey, server);
  writePair(files.coordinatorClientCert, files.coordinatorClientKey, coordinatorClient);
  writePair(files.workerCert, files.workerKey, worker);
  const apiKeys = Object.fromEntries(API_KEY_ROLES.map((role) => [role, newApiKey(role)])) as Record<
    ApiKeyRole,
    string
  >;
  const entries = API_KEY_ROLES.map((role) => ({ name: `local-${role}`, key: apiKeys[role], role }));
  writeFileSync(files.apiKeysFile, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
  return { ...files, apiKeys };
}

function secretFiles(dir: string): Omit<ClusterSecrets, 'apiKeys'> {
  return {
    dir,
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    serverCert: join(dir, 'server.crt'),
    serverKey: join(dir, 'server.key'),
    coordinatorClientCert: join(dir, 'coordinator-client.crt'),
    coordinatorClientKey: join(dir, 'coordinator-client.key'),
    workerCert: join(dir, 'worker.crt'),
    workerKey: join(dir, 'worker.key'),
    apiKeysFile: join(dir, 'api-keys.json'),
  };
}

function writePair(certFile: string, keyFile: string, pem: PemCertificate): void {
  writeFileSync(certFile, pem.cert, { mode: 0o644 });
  writeFileSync(keyFile, pem.key, { mode: 0o600 });
}

/** 32 random bytes, base64url, after a prefix naming the role (so a leaked key says what it opens). */
function newApiKey(role: ApiKeyRole): string {
  return `vs_${role}_${randomBytes(32).toString('base64url')}`;
}

function readApiKeys(file: string): Record<ApiKeyRole, string> {
  const entries = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; role: ApiKeyRole }[];
  const keys: Partial<Record<ApiKeyRole, string>> = {};
  for (const entry of entries) if (entry.key && !keys[entry.role]) keys[entry.role] = entry.key;
  return keys as Record<ApiKeyRole, string>;
}
