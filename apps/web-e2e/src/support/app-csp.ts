import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'playwright-core';

const SWA_CONFIG = join(__dirname, '..', '..', '..', 'web', 'public', 'staticwebapp.config.json');

/** The Content-Security-Policy apps/web deploys with (its staticwebapp.config.json). */
export function appContentSecurityPolicy(): string {
  const config = JSON.parse(readFileSync(SWA_CONFIG, 'utf8')) as {
    globalHeaders: Record<string, string>;
  };
  const policy = config.globalHeaders['Content-Security-Policy'];
  if (policy === undefined) throw new Error(`${SWA_CONFIG} sets no Content-Security-Policy`);
  return policy;
}

/**
 * Checks that a document came with the app's strict policy, so that "no CSP violation" on the
 * page (recordCspViolations) means the policy held, not that there was none.
 */
export function expectAppCsp(response: Response | null): void {
  expect(response?.headers()['content-security-policy']).toBe(appContentSecurityPolicy());
  expect(appContentSecurityPolicy()).toMatch(/script-src 'self';.*style-src 'self';/);
}
