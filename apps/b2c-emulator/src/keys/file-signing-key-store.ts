import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock';
import {
  generateStoredSigningKey,
  importSigningKey,
  type SigningKey,
  type StoredSigningKey,
} from './signing-key';
import type { SigningKeyStore } from './signing-key-store';

interface KeyFile {
  readonly current: StoredSigningKey;
  readonly previous?: StoredSigningKey;
}

/**
 * Signing keys kept in `{dataDir}/signing-keys.json` (mode 0600), generated at first start and
 * reused afterwards so that tokens stay valid across restarts.
 */
export class FileSigningKeyStore implements SigningKeyStore {
  private keys: Promise<{ current: SigningKey; previous?: SigningKey }> | undefined;

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
    const next: KeyFile = {
      current: await generateStoredSigningKey(Math.floor(this.clock.now() / 1000)),
      ...(file ? { previous: file.current } : {}),
    };
    await this.writeFile(next);
    this.keys = this.importFile(next);
    return (await this.keys).current;
  }

  private load(): Promise<{ current: SigningKey; previous?: SigningKey }> {
    this.keys ??= this.readFile().then(async (file) => {
      if (file) return this.importFile(file);
      const created: KeyFile = {
        current: await generateStoredSigningKey(Math.floor(this.clock.now() / 1000)),
      };
      await this.writeFile(created);
      return this.importFile(created);
    });
    return this.keys;
  }

  private async importFile(file: KeyFile): Promise<{ current: SigningKey; previous?: SigningKey }> {
    const current = await importSigningKey(file.current);
    return file.previous
      ? { current, previous: await importSigningKey(file.previous) }
      : { current };
  }

  private async readFile(): Promise<KeyFile | undefined> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as KeyFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private async writeFile(file: KeyFile): Promise<void> {
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(file), { mode: 0o600 });
    await rename(temporary, this.path);
  }
}
