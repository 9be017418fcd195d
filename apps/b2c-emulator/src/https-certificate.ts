import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** A certificate and key for the HTTPS listener, with the certificate's path. */
export interface HttpsCertificate {
  readonly key: string;
  readonly cert: string;
  /** Point NODE_EXTRA_CA_CERTS here so that MSAL and other clients trust the emulator. */
  readonly certPath: string;
}

/** Renew a little before expiry, so that a long test run never meets an expired certificate. */
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

async function readExisting(
  keyPath: string,
  certPath: string,
  now: number,
): Promise<HttpsCertificate | undefined> {
  try {
    const [key, cert] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
    const x509 = new X509Certificate(cert);
    // A certificate of an older emulator that is a CA is replaced: trusting it would trust
    // whatever its key signs.
    if (x509.ca) return undefined;
    return Date.parse(x509.validTo) - RENEW_BEFORE_MS > now ? { key, cert, certPath } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A self-signed leaf certificate for localhost, 127.0.0.1 and ::1 (`cA: false`, server
 * authentication only, no certificate signing), generated once into the data directory and
 * reused until it nears expiry. Trusting it (NODE_EXTRA_CA_CERTS) trusts this one certificate for
 * these names and nothing else: its key cannot mint certificates for other hosts.
 */
export async function ensureHttpsCertificate(
  dataDir: string,
  now: number = Date.now(),
): Promise<HttpsCertificate> {
  const keyPath = join(dataDir, 'https-key.pem');
  const certPath = join(dataDir, 'https-cert.pem');
  const existing = await readExisting(keyPath, certPath, now);
  if (existing) return existing;
  const generated = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 3600 * 1000),
    notAfterDate: new Date(now + 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(keyPath, generated.private, { mode: 0o600 });
  await writeFile(certPath, generated.cert);
  return { key: generated.private, cert: generated.cert, certPath };
}
