import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type * as grpc from '@grpc/grpc-js';
import { FilePoller } from '../file-poller.js';

type CertificateProvider = grpc.experimental.CertificateProvider;
type CaListener = grpc.experimental.CaCertificateUpdateListener;
type IdentityListener = grpc.experimental.IdentityCertificateUpdateListener;

/** PEM files: an identity (certificate and key) and/or a CA to verify the other side with. */
export interface CertificateFiles {
  certFile?: string;
  keyFile?: string;
  caFile?: string;
}

export interface WatchOptions {
  /** How often the files' modification times are checked, ms (default 5000). */
  pollMs?: number;
  /** Called after new files were taken into use. */
  onReload?: (files: string[]) => void;
  /** Called when changed files could not be used; the previous ones stay in use. */
  onError?: (error: Error) => void;
}

interface Loaded {
  certificate?: Buffer;
  privateKey?: Buffer;
  caCertificate?: Buffer;
}

/**
 * Certificates read from files and read again when a file changes (Kubernetes
 * rotates a mounted Secret by swapping its files), given to gRPC's TLS as a
 * certificate provider. The files are read and checked when this is made, so
 * a missing file or a key that does not match its certificate stops a start
 * with a clear error; a bad set written later is refused and the last good
 * one kept, so a half-written rotation does not take the server down.
 */
export class WatchedCertificates implements CertificateProvider {
  private current: Loaded;
  private readonly caListeners = new Set<CaListener>();
  private readonly identityListeners = new Set<IdentityListener>();
  private readonly watched: string[];
  private readonly poller: FilePoller;

  constructor(
    private readonly files: CertificateFiles,
    private readonly options: WatchOptions = {},
  ) {
    if ((files.certFile === undefined) !== (files.keyFile === undefined))
      throw new TypeError('a TLS certificate needs its key, and a key its certificate');
    this.watched = [files.certFile, files.keyFile, files.caFile].filter((f): f is string => !!f);
    // The baseline is taken before the files are read, so a change in between is seen at the next poll.
    this.poller = new FilePoller(this.watched, options.pollMs ?? 5000, () => this.reload());
    try {
      this.current = loadCertificates(files);
    } catch (error) {
      this.poller.close();
      throw error;
    }
  }

  /** Stops watching the files. */
  close(): void {
    this.poller.close();
  }

  addCaCertificateListener(listener: CaListener): void {
    this.caListeners.add(listener);
    // gRPC expects the first update after the listener is registered, not during.
    process.nextTick(() => listener(this.caUpdate()));
  }

  removeCaCertificateListener(listener: CaListener): void {
    this.caListeners.delete(listener);
  }

  addIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.add(listener);
    process.nextTick(() => listener(this.identityUpdate()));
  }

  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.delete(listener);
  }

  private reload(): void {
    try {
      this.current = loadCertificates(this.files);
    } catch (error) {
      this.options.onError?.(error as Error);
      return;
    }
    for (const listener of this.identityListeners) listener(this.identityUpdate());
    for (const listener of this.caListeners) listener(this.caUpdate());
    this.options.onReload?.(this.watched);
  }

  private caUpdate() {
    return this.current.caCertificate ? { caCertificate: this.current.caCertificate } : null;
  }

  private identityUpdate() {
    const { certificate, privateKey } = this.current;
    return certificate && privateKey ? { certificate, privateKey } : null;
  }
}

/** Reads the files and checks that they make a usable TLS context (PEM that parses, a key that fits). */
function loadCertificates(files: CertificateFiles): Loaded {
  const loaded: Loaded = {
    certificate: files.certFile ? readPem(files.certFile, 'certificate') : undefined,
    privateKey: files.keyFile ? readPem(files.keyFile, 'key') : undefined,
    caCertificate: files.caFile ? readPem(files.caFile, 'CA certificate') : undefined,
  };
  try {
    createSecureContext({ cert: loaded.certificate, key: loaded.privateKey, ca: loaded.caCertificate });
  } catch (error) {
    const which = [files.certFile, files.keyFile, files.caFile].filter(Boolean).join(', ');
    throw new TypeError(`the TLS files ${which} cannot be used together: ${(error as Error).message}`);
  }
  return loaded;
}

function readPem(file: string, what: string): Buffer {
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch (error) {
    throw new TypeError(`cannot read the TLS ${what} ${file}: ${(error as Error).message}`);
  }
  if (!pem.includes('-----BEGIN ')) throw new TypeError(`the TLS ${what} ${file} is not PEM`);
  return pem;
}
