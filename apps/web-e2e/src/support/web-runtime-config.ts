import { CLIENT_ID, NOTES_SCOPES } from './e2e-tenant';
import {
  EXTERNAL_ID_APPS,
  EXTERNAL_ID_NOTES_SCOPES,
  type ExternalIdSignInMethod,
} from './external-id-tenant';

/** Which authority the web client signs in with; absent means B2C. */
export type AuthorityKind = 'b2c' | 'external-id';

/**
 * The web app's `config.json` (docs/architecture.md, "Web runtime configuration"), as the tests
 * write it.
 */
export interface WebRuntimeConfig {
  readonly authorityKind?: AuthorityKind;
  readonly mode: 'proxy' | 'direct';
  /** B2C's token endpoint; in proxy mode refresh and sign-out derive from it, for both kinds. */
  readonly tokenEndpoint: string;
  /** External ID only: the native-auth proxy on the web origin. */
  readonly nativeAuthBase?: string;
  /** External ID only; absent means `password`. */
  readonly signInMethod?: ExternalIdSignInMethod;
  /** For External ID, the API's `EXTERNAL_ID_CLIENT_ID` (the proxy refuses any other). */
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly protectedResources: readonly {
    readonly url: string;
    readonly scopes: readonly string[];
  }[];
  /** B2C only: links to hosted user flows. */
  readonly signUpUrl?: string;
  readonly passwordResetUrl?: string;
  readonly refreshAheadSeconds?: number;
}

/** Fields a test may add to a configuration. */
export type WebRuntimeConfigExtras = Partial<Pick<WebRuntimeConfig, 'refreshAheadSeconds'>>;

/**
 * The contoso configuration for `mode`: the proxy's `/api/auth/token`, or in direct mode the
 * authority's token URL given as `tokenEndpoint`; the notes scopes on `/api/`.
 */
export function createWebRuntimeConfig(
  mode: WebRuntimeConfig['mode'],
  tokenEndpoint = '/api/auth/token',
  extra: WebRuntimeConfigExtras = {},
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

/**
 * The contosoid configuration (proxy mode, the only one External ID has here): the client app of
 * `signInMethod`, the native-auth proxy at `/api/auth/native`, the `api://` notes scopes on
 * `/api/`. The stack's API must use the same app (`TestStackOptions.externalIdSignInMethod`).
 */
export function createExternalIdRuntimeConfig(
  signInMethod: ExternalIdSignInMethod = 'password',
  extra: WebRuntimeConfigExtras = {},
): WebRuntimeConfig {
  return {
    authorityKind: 'external-id',
    mode: 'proxy',
    tokenEndpoint: '/api/auth/token',
    nativeAuthBase: '/api/auth/native',
    signInMethod,
    clientId: EXTERNAL_ID_APPS[signInMethod].clientId,
    scopes: ['openid', 'offline_access', ...EXTERNAL_ID_NOTES_SCOPES],
    protectedResources: [{ url: '/api/', scopes: [...EXTERNAL_ID_NOTES_SCOPES] }],
    ...extra,
  };
}
