import { randomBytes } from 'node:crypto';
import { API_APP_ID, CLIENT_ID } from './e2e-tenant';
import { EXTERNAL_ID_API_APP_ID } from './external-id-tenant';

/** Where the API's two authorities are, and who calls it. */
export interface ApiWiring {
  /** `B2C_AUTHORITY`: the e2e tenant's policy authority on the emulator. */
  readonly b2cAuthority: string;
  /** `EXTERNAL_ID_AUTHORITY`: the e2e External ID tenant on the emulator. */
  readonly externalIdAuthority: string;
  /** `EXTERNAL_ID_CLIENT_ID`: the client app the native-auth proxy sends upstream. */
  readonly externalIdClientId: string;
  /** The web server's origin, the one the browser uses. */
  readonly webOrigin: string;
  /** A test file's own settings; they win. */
  readonly extra: Readonly<Record<string, string>>;
}

/**
 * The API's whole environment in the e2e stack: both authorities always, as in a migration (one
 * API accepts tokens of either), a per-run cookie key, and the web server as its one trusted hop.
 */
export function createApiSettings(wiring: ApiWiring): Record<string, string> {
  return {
    B2C_AUTHORITY: wiring.b2cAuthority,
    B2C_CLIENT_ID: CLIENT_ID,
    API_AUDIENCE: API_APP_ID,
    EXTERNAL_ID_AUTHORITY: wiring.externalIdAuthority,
    EXTERNAL_ID_CLIENT_ID: wiring.externalIdClientId,
    EXTERNAL_ID_API_AUDIENCE: EXTERNAL_ID_API_APP_ID,
    AUTH_ALLOWED_ORIGINS: wiring.webOrigin,
    AUTH_COOKIE_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
    // The web server is the one reverse proxy in front of the API, as Static Web Apps is.
    AUTH_TRUSTED_HOPS: '1',
    // Every browser of the tests is the same client (127.0.0.1), so the native-auth proxy's
    // per-client limits on code sends, sign-ups and resets would be one budget for a whole file;
    // its per-account limits stay as deployed.
    AUTH_NATIVE_CODE_SENDS_IP: '1000/900',
    AUTH_NATIVE_SIGNUP_IP: '1000/3600',
    AUTH_NATIVE_RESET_IP: '1000/3600',
    ...wiring.extra,
  };
}
