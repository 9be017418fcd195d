import { ANONYMOUS_FAILURE_BUDGET, LOCKOUT_THRESHOLD } from './e2e-tenant';
import type { TestStackOptions } from './test-stack';
import { createWebRuntimeConfig } from './web-runtime-config';

/**
 * The default deployment (proxy mode), with the settings the short-lifetime tenant needs:
 *
 * - `refreshAheadSeconds: 10` in `config.json`. The library refreshes when the access token has
 *   less than `refreshAheadSeconds` (default 60) left; the e2e tenant's tokens live only 60 s, so
 *   with the default every API call would refresh first, and a test of "an expired token is
 *   refreshed" could not tell expiry from habit.
 * - The proxy's identity protection sized for the e2e tenant, whose smart lockout trips at 5
 *   (`AUTH_AUTHORITY_LOCKOUT_THRESHOLD=5`): budgets that add up to at most 5 − 2 — 2 failures per
 *   account for browsers the account never signed in from, 1 for its known devices.
 */
export const PROXY_STACK_OPTIONS: TestStackOptions = {
  runtimeConfig: () =>
    createWebRuntimeConfig('proxy', '/api/auth/token', { refreshAheadSeconds: 10 }),
  apiEnv: {
    AUTH_AUTHORITY_LOCKOUT_THRESHOLD: String(LOCKOUT_THRESHOLD),
    AUTH_ANONYMOUS_FAILURE_BUDGET: String(ANONYMOUS_FAILURE_BUDGET),
    AUTH_DEVICE_FAILURE_BUDGET: '1/1',
  },
};
