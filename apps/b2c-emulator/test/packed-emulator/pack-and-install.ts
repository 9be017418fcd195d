import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommandOrFail } from './run-command';

/** The built package folder; the test target depends on the build. */
export const DIST_DIR = join(__dirname, '..', '..', '..', '..', 'dist', 'apps', 'b2c-emulator');

/** One file of the tarball, as `npm pack --json` lists it. */
export interface PackedFile {
  readonly path: string;
  readonly size: number;
  readonly mode: number;
}

/** The packed tarball installed into an empty project. */
export interface InstalledPackage {
  readonly tarball: string;
  readonly files: readonly PackedFile[];
  /** The consumer project: an empty folder with only a package.json before the install. */
  readonly projectDir: string;
  /** `node_modules/b2c-emulator` in it. */
  readonly packageDir: string;
  remove(): void;
}

interface PackResult {
  readonly filename: string;
  readonly files: readonly PackedFile[];
}

/**
 * Packs the dist folder with `npm pack` into a temp folder and installs the tarball into a new,
 * empty project there, as a team would on a fresh machine. The install prefers npm's cache, so
 * it needs the registry only for what the cache lacks.
 */
export async function packAndInstall(): Promise<InstalledPackage> {
  const workDir = mkdtempSync(join(tmpdir(), 'b2c-emulator-packed-'));
  try {
    const packed = await runCommandOrFail(
      'npm',
      ['pack', DIST_DIR, '--pack-destination', workDir, '--json'],
      { cwd: workDir },
    );
    const [result] = JSON.parse(packed.stdout) as [PackResult];
    const tarball = join(workDir, result.filename);
    const projectDir = join(workDir, 'consumer');
    createEmptyProject(projectDir);
    await runCommandOrFail(
      'npm',
      ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'],
      { cwd: projectDir },
    );
    return {
      tarball,
      files: result.files,
      projectDir,
      packageDir: join(projectDir, 'node_modules', 'b2c-emulator'),
      remove: () => {
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

/** A folder holding nothing but a private package.json, so that npm installs into it. */
function createEmptyProject(projectDir: string): void {
  mkdirSync(projectDir);
  writeFileSync(
    join(projectDir, 'package.json'),
    `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2)}\n`,
  );
}
