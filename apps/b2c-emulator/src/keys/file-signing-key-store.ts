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

/**
 * Signing keys kept in `{dataDir}/signing-keys.json` (mode 0600), generated at first start and
 * reused afterwards so that tokens stay valid across restarts. One process per data directory:
 * the in-memory mode's store.
 */
export class FileSigningKeyStore implements SigningKeyStore {
  private keys: Promise<SigningKeySet> | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
  ) {}

  private get path(): string {
    return join(this.dataDir, 'signing-keys.json');
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
      const created: StoredSigningKeySet = {
        current: await generateStoredSigningKey(Math.floor(this.clock.now() / 1000)),
      };
      await this.writeFile(created);
      return importSigningKeySet(created);
    });
    return this.keys;
  }

  private async readFile(): Promise<StoredSigningKeySet | undefined> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as StoredSigningKeySet;
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
