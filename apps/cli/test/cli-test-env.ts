import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built CLI and emulator; the test target depends on both builds. */
export const DIST = join(__dirname, '..', '..', '..', 'dist', 'apps');
export const ROPC_BIN = join(DIST, 'cli', 'ropc.js');
export const EMULATOR_BIN = join(DIST, 'b2c-emulator', 'bin.js');

/** The emulator's default tenant file (what `ropc emulator start` serves without --tenant). */
export const B2C_TENANT = 'contoso.onmicrosoft.com';
export const B2C_TENANT_ID = '04fbcc13-aa6a-4630-aacc-9c6a9e838418';
export const POLICY = 'B2C_1_ROPC_Auth';
export const B2C_CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
export const EXTERNAL_ID_TENANT = 'contosoid.onmicrosoft.com';
export const EXTERNAL_ID_PASSWORD_APP = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
export const EXTERNAL_ID_OTP_APP = 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47';
export const ALICE = { username: 'alice@contoso.com', password: 'Alice-Passw0rd!' };
export const BOB = { username: 'bob@contoso.com', password: 'Bob-Passw0rd!' };
export const CAROL = { username: 'carol@contoso.com' };
export const ADMIN_KEY = 'cli-test-admin-key';

/** A fresh, empty directory; removed by the returned function. */
export function temporaryDirectory(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
    },
  };
}
