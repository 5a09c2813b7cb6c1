import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificateAuthority, issueCertificate, type PemCertificate } from '@vecshard/launcher';
import { WatchedCertificates } from '@vecshard/proto';
import { afterEach, describe, expect, it } from 'vitest';

// Certificate files read at start and again when they change: a torn rotation
// (new certificate, old key) is refused and the last good pair kept.
const opened: WatchedCertificates[] = [];
afterEach(() => {
  for (const certificates of opened.splice(0)) certificates.close();
});

async function pair(): Promise<PemCertificate> {
  const ca = await createCertificateAuthority('test CA');
  return issueCertificate(ca, { commonName: 'server', usages: ['server'], ipAddresses: ['127.0.0.1'] });
}

/** Replaces a file whole, as Kubernetes does with a mounted Secret. */
function replace(file: string, content: string): void {
  writeFileSync(`${file}.new`, content);
  renameSync(`${file}.new`, file);
}

function files(first: PemCertificate) {
  const dir = mkdtempSync(join(tmpdir(), 'vecshard-watch-'));
  const certFile = join(dir, 'tls.crt');
  const keyFile = join(dir, 'tls.key');
  writeFileSync(certFile, first.cert);
  writeFileSync(keyFile, first.key);
  return { certFile, keyFile };
}

describe('watched certificates', () => {
  it('refuses files that cannot be used, naming them', async () => {
    const { cert } = await pair();
    const other = await pair();
    const paths = files({ cert, key: other.key });
    expect(() => new WatchedCertificates(paths)).toThrow(/cannot be used together/);
    expect(
      () => new WatchedCertificates({ certFile: '/nonexistent/tls.crt', keyFile: paths.keyFile }),
    ).toThrow(/cannot read the TLS certificate \/nonexistent\/tls.crt/);
    expect(() => new WatchedCertificates({ certFile: paths.certFile })).toThrow(/needs its key/);
  });

  it('keeps the last good pair through a torn rotation, then takes the new one', async () => {
    const first = await pair();
    const second = await pair();
    const paths = files(first);
    const errors: Error[] = [];
    let reloaded!: () => void;
    const reload = new Promise<void>((resolve) => {
      reloaded = resolve;
    });
    let refused!: () => void;
    const refusal = new Promise<void>((resolve) => {
      refused = resolve;
    });
    const certificates = new WatchedCertificates(paths, {
      pollMs: 20,
      onReload: () => reloaded(),
      onError: (error) => {
        errors.push(error);
        refused();
      },
    });
    opened.push(certificates);
    const served: string[] = [];
    certificates.addIdentityCertificateListener((update) =>
      served.push(update?.certificate.toString() ?? 'none'),
    );

    replace(paths.certFile, second.cert); // the key still belongs to the first certificate
    await refusal;
    expect(errors[0].message).toMatch(/cannot be used together/);
    expect(served.every((cert) => cert === first.cert)).toBe(true);

    replace(paths.keyFile, second.key);
    await reload;
    expect(served.at(-1)).toBe(second.cert);
    expect(readFileSync(paths.certFile, 'utf8')).toBe(second.cert);
  });
});
