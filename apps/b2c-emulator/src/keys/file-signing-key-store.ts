import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock';
import {
  generateStoredSigningKey,
  importSigningKeySet,
  keySetAt,
  publishedKeys,
  rotatedKeySet,
  type SigningKey,
  type SigningKeySet,
  type StoredSigningKeySet,
} from './signing-key';
import type { SigningKeyStore } from './signing-key-store';

/** The key file of a data directory written before tenants had their own keys. */
export const LEGACY_SIGNING_KEY_FILE = 'signing-keys.json';

/**
 * A tenant's signing keys kept in `{dataDir}/signing-keys-{tenant id}.json` (mode 0600), generated
 * at first start and reused afterwards so that tokens stay valid across restarts. One process per
 * data directory: the in-memory mode's store. The tenant that adopts the legacy file (the first B2C
 * tenant) starts from `signing-keys.json` when it has no file of its own, so tokens signed before
 * an upgrade keep verifying.
 */
export class FileSigningKeyStore implements SigningKeyStore {
  private keys: Promise<SigningKeySet> | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly tenantId: string,
    private readonly clock: Clock,
    private readonly adoptLegacyFile = false,
  ) {}

  private get path(): string {
    return join(this.dataDir, `signing-keys-${this.tenantId.toLowerCase()}.json`);
  }

  async current(): Promise<SigningKey> {
    return keySetAt(await this.load(), this.nowSeconds()).current;
  }

  async published(): Promise<readonly SigningKey[]> {
    return publishedKeys(await this.load(), this.nowSeconds());
  }

  async rotate(delaySeconds: number): Promise<SigningKey> {
    await this.load();
    const file = await this.readFile();
    if (!file) throw new Error('the signing key file is gone');
    const rotated = await rotatedKeySet(file, this.nowSeconds(), delaySeconds);
    await this.writeFile(rotated);
    this.keys = importSigningKeySet(rotated);
    const keys = await this.keys;
    return delaySeconds === 0 ? keys.current : (keys.next ?? keys.current);
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  private load(): Promise<SigningKeySet> {
    this.keys ??= this.readFile().then(async (file) => {
      if (file) return importSigningKeySet(file);
      const legacy = this.adoptLegacyFile
        ? await this.readFile(join(this.dataDir, LEGACY_SIGNING_KEY_FILE))
        : undefined;
      const created: StoredSigningKeySet = legacy ?? {
        current: await generateStoredSigningKey(Math.floor(this.clock.now() / 1000)),
      };
      await this.writeFile(created);
      return importSigningKeySet(created);
    });
    return this.keys;
  }

  private async readFile(path = this.path): Promise<StoredSigningKeySet | undefined> {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as StoredSigningKeySet;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private async writeFile(file: StoredSigningKeySet): Promise<void> {
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(file), { mode: 0o600 });
    await rename(temporary, this.path);
  }
}
