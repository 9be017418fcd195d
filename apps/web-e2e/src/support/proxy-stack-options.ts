import type { TestStackOptions } from './test-stack';
import { createWebRuntimeConfig } from './web-runtime-config';

/**
 * The default deployment (proxy mode), with two settings the short-lifetime tenant needs:
 *
 * - `refreshAheadSeconds: 10` in `config.json`. The library refreshes when the access token has
 *   less than `refreshAheadSeconds` (default 60) left; the e2e tenant's tokens live only 60 s, so
 *   with the default every API call would refresh first, and a test of "an expired token is
 *   refreshed" could not tell expiry from habit.
 * - `AUTH_THROTTLE_USERNAME=20/300` for the API. The proxy's default per-username limit (5 failed
 *   sign-ins per 5 minutes) equals the e2e tenant's lockout threshold (5); only because the proxy
 *   checks before it counts does the emulator's lockout answer the fifth attempt. Raising it keeps
 *   the lockout test about the emulator's lockout and the page's message for it, not about that
 *   off-by-one; the throttle itself is covered by the API's integration tests.
 */
export const PROXY_STACK_OPTIONS: TestStackOptions = {
  runtimeConfig: () =>
    createWebRuntimeConfig('proxy', '/api/auth/token', { refreshAheadSeconds: 10 }),
  apiEnv: { AUTH_THROTTLE_USERNAME: '20/300' },
};
