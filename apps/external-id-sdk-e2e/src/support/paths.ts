import { join, resolve } from 'node:path';

/** The repository root (this file is `apps/external-id-sdk-e2e/src/support/paths.ts`). */
const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..', '..');

/** Where the run leaves its logs (git-ignored). */
export const ARTIFACTS_DIR = join(WORKSPACE_ROOT, 'test-results', 'external-id-sdk-e2e');
