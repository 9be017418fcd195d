import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { ensureHttpsCertificate } from './https-certificate';

describe('ensureHttpsCertificate', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'emulator-cert-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes a leaf for the loopback names only: no CA, no certificate signing', async () => {
    const { cert } = await ensureHttpsCertificate(dataDir);
    const x509 = new X509Certificate(cert);
    expect(x509.ca).toBe(false);
    expect(x509.verify(x509.publicKey)).toBe(true); // self-signed
    expect(x509.subjectAltName).toBe(
      'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
    // Node's `keyUsage` lists the extended key usages: server authentication only.
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    const extensions = execFileSync(
      'openssl',
      ['x509', '-noout', '-ext', 'basicConstraints,keyUsage'],
      { input: cert, encoding: 'utf8' },
    );
    expect(extensions.replace(/\s+/gu, ' ').trim()).toBe(
      'X509v3 Basic Constraints: critical CA:FALSE X509v3 Key Usage: critical Digital Signature, Key Encipherment',
    );
  });

  it('reuses its certificate, and replaces a CA certificate an older emulator left', async () => {
    const first = await ensureHttpsCertificate(dataDir);
    expect((await ensureHttpsCertificate(dataDir)).cert).toBe(first.cert);
    const ca = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      extensions: [{ name: 'basicConstraints', cA: true }],
    });
    writeFileSync(join(dataDir, 'https-key.pem'), ca.private);
    writeFileSync(join(dataDir, 'https-cert.pem'), ca.cert);
    const replaced = await ensureHttpsCertificate(dataDir);
    expect(new X509Certificate(replaced.cert).ca).toBe(false);
  });
});
