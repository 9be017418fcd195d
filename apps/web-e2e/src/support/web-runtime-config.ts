import { CLIENT_ID, NOTES_SCOPES } from './e2e-tenant';

/**
 * The web app's `config.json` (docs/architecture.md, "Web runtime configuration"), as the tests
 * write it.
 */
export interface WebRuntimeConfig {
  readonly mode: 'proxy' | 'direct';
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly protectedResources: readonly {
    readonly url: string;
    readonly scopes: readonly string[];
  }[];
  readonly refreshAheadSeconds?: number;
}

/**
 * The contoso configuration for `mode`: the proxy's `/api/auth/token`, or in direct mode the
 * authority's token URL given as `tokenEndpoint`; the notes scopes on `/api/`.
 */
export function createWebRuntimeConfig(
  mode: WebRuntimeConfig['mode'],
  tokenEndpoint = '/api/auth/token',
  extra: Partial<Pick<WebRuntimeConfig, 'refreshAheadSeconds'>> = {},
): WebRuntimeConfig {
  return {
    mode,
    tokenEndpoint,
    clientId: CLIENT_ID,
    scopes: ['openid', 'offline_access', ...NOTES_SCOPES],
    protectedResources: [{ url: '/api/', scopes: [...NOTES_SCOPES] }],
    ...extra,
  };
}
