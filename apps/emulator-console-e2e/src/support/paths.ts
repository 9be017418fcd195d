import { join, resolve } from 'node:path';

/** The repository root (this file is `apps/emulator-console-e2e/src/support/paths.ts`). */
const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..', '..');

/**
 * The default tenant file with values meant to break out of the page: users, an application and
 * an External ID user whose names are markup, and a B2C lockout threshold of 3. Its tenant-wide
 * request limit counts per day, not per second as B2C's does: a counter is listed only while its
 * window lasts, and a one-second window could end between the sign-ins and the listing.
 */
export const CONSOLE_TENANT_FILE = join(__dirname, '..', 'fixtures', 'console-tenant.json');

/** Where the run leaves what the emulator printed (git-ignored). */
export const ARTIFACTS_DIR = join(WORKSPACE_ROOT, 'test-results', 'emulator-console-e2e');
