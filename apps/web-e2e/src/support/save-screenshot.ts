import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WORKSPACE_ROOT } from './test-stack';

/** Where the browser tests leave their artifacts (git-ignored). */
export const ARTIFACTS_DIR = join(WORKSPACE_ROOT, 'test-results', 'web-e2e');

/** Saves a full-page screenshot as `test-results/web-e2e/<name>.png`; returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
