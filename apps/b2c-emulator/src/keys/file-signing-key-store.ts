import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock';
import {
  generateStoredSigningKey,
  importSigningKeySet,
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

  current(): Promise<SigningKey> {
    return this.load().then((keys) => keys.current);
  }

  async published(): Promise<readonly SigningKey[]> {
    const { current, previous } = await this.load();
    return previous ? [current, previous] : [current];
  }

  async rotate(): Promise<SigningKey> {
    const file = await this.readFile();
    const next: StoredSigningKeySet = {
      current: await generateStoredSigningKey(Math.floor(this.clock.now() / 1000)),
      ...(file ? { previous: file.current } : {}),
    };
    await this.writeFile(next);
    this.keys = importSigningKeySet(next);
    return (await this.keys).current;
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
