import { parseAuthority, type PolicyAuthority } from '@ropc/protocol';
import { parseNativeAuthAuthority } from '@ropc/protocol/native-auth';
import { isStorageConnectionString } from '@ropc/table-storage';
import type { CookieSecurity } from './proxy/proxy-cookies';
import {
  readProxyProtection,
  readThrottle,
  type ProxyProtectionSettings,
  type ThrottleLimit,
} from './proxy-protection-config';

/** A cookie encryption key of the `AUTH_COOKIE_KEYS` ring. */
export interface CookieKey {
  readonly kid: string;
  /** 32 bytes for A256GCM. */
  readonly key: Uint8Array;
}

/** Azure Table storage for the shared state. */
export interface StorageSettings {
  /** `STORAGE_CONNECTION_STRING`; never logged, as it may hold the account key. */
  readonly connectionString: string;
  /** `STORAGE_TIMEOUT_MS` (default 5000): the bound of every storage call, retries included. */
  readonly timeoutMs: number;
}

/** The Azure AD B2C authority: `B2C_AUTHORITY`, `B2C_CLIENT_ID`, `API_AUDIENCE`. */
export interface B2CSettings {
  /** The policy authority, e.g. `http://localhost:7072/contoso.onmicrosoft.com/B2C_1_ROPC_Auth`. */
  readonly authority: string;
  readonly parsedAuthority: PolicyAuthority;
  /** The web client's application id, sent upstream by the sign-in proxy. */
  readonly clientId: string;
  /** Accepted `aud` values: the API's application id (or several). */
  readonly audiences: readonly string[];
}

/**
 * The Entra External ID authority: `EXTERNAL_ID_AUTHORITY`, `EXTERNAL_ID_CLIENT_ID`,
 * `EXTERNAL_ID_API_AUDIENCE` (docs/entra-native-auth-protocol.md §1.1, §1.3).
 */
export interface ExternalIdSettings {
  /**
   * The tenant authority, e.g. `http://localhost:7072/contosoid.onmicrosoft.com`, without a
   * trailing slash (a bare `https://{subdomain}.ciamlogin.com` gets its tenant,
   * `{subdomain}.onmicrosoft.com`, as MSAL reads it); discovery is
   * `{authority}/v2.0/.well-known/openid-configuration`.
   */
  readonly authority: string;
  /** The web client's application id, which the native-authentication proxy sends upstream. */
  readonly clientId: string;
  /** Accepted `aud` values: the API's application id and/or its App ID URI (`api://{id}`). */
  readonly audiences: readonly string[];
}

/**
 * The native-authentication proxy (`/api/auth/native/{*path}`, forwarding to
 * `EXTERNAL_ID_AUTHORITY`): its pass-through mode, the session lifetime when the authority names
 * none, and the limits that keep it from flooding mailboxes or enumerating accounts.
 */
export interface NativeProxySettings {
  /** `AUTH_NATIVE_PASSTHROUGH` (default `off`): answers for Microsoft's SDK, refresh token included. */
  readonly passthrough: boolean;
  /** `AUTH_NATIVE_REFRESH_LIFETIME_SECONDS` (default 86400): without `refresh_token_expires_in`. */
  readonly refreshLifetimeSeconds: number;
  /** `AUTH_NATIVE_CODE_SENDS_ACCOUNT` (default `10/900`): codes e-mailed per account. */
  readonly codeSendsPerAccount: ThrottleLimit;
  /** `AUTH_NATIVE_CODE_SENDS_IP` (default `30/900`): challenge calls (code sends) per client. */
  readonly codeSendsPerClient: ThrottleLimit;
  /** `AUTH_NATIVE_SIGNUP_IP` (default `10/3600`): sign-up starts per client. */
  readonly signUpStartsPerClient: ThrottleLimit;
  /** `AUTH_NATIVE_RESET_ACCOUNT` (default `5/3600`): password-reset starts per account. */
  readonly resetStartsPerAccount: ThrottleLimit;
  /** `AUTH_NATIVE_RESET_IP` (default `10/3600`): password-reset starts per client. */
  readonly resetStartsPerClient: ThrottleLimit;
}

/** The API's settings (docs/architecture.md, "API configuration"), validated. */
export interface ApiConfig {
  /** Tokens of Azure AD B2C, and the sign-in proxy; `undefined` when only External ID is set. */
  readonly b2c: B2CSettings | undefined;
  /** Tokens of Entra External ID; `undefined` when only B2C is set. At least one is set. */
  readonly externalId: ExternalIdSettings | undefined;
  /**
   * Origins whose pages may call `/api/auth/*` (the CSRF check's `Origin` allow-list). The API
   * answers no CORS at all: the browser reaches it on its own origin (docs/architecture.md, "One
   * origin for the browser"); see the README for an API on another origin.
   */
  readonly allowedOrigins: readonly string[];
  /** Newest first: the first key encrypts, any key decrypts by kid. */
  readonly cookieKeys: readonly CookieKey[];
  /** `AUTH_COOKIE_SECURE` (default `auto`): when the proxy's cookies are marked `Secure`. */
  readonly cookieSecure: CookieSecurity;
  readonly trustedHops: number;
  /** Scopes the proxy adds when a sign-in asks for no API scope (extension; default none). */
  readonly defaultScopes: readonly string[];
  /** The verified-token cache (extension: `AUTH_TOKEN_CACHE=off` turns it off, for benchmarks). */
  readonly tokenCache: boolean;
  /**
   * `AUTH_JWKS_REFRESH_SECONDS` (default 300): the signing keys are re-read in the background
   * this often, so a key an authority publishes before it signs with it is known in time.
   */
  readonly jwksRefreshSeconds: number;
  /**
   * `AUTH_JWKS_REFETCH_COOLDOWN_SECONDS` (default 30): an unknown kid refetches the keys at most
   * this often (a refused one schedules a refetch at the cooldown's end).
   */
  readonly jwksRefetchCooldownSeconds: number;
  /** Upstream token-endpoint timeout in ms (extension; default 10000). */
  readonly upstreamTimeoutMs: number;
  /** The sign-in proxy's identity protection: failure budgets and throttles. */
  readonly protection: ProxyProtectionSettings;
  /** The native-authentication proxy's settings (used when the External ID settings are given). */
  readonly nativeProxy: NativeProxySettings;
  /**
   * Where notes, ended sessions and throttle counters live; `undefined`: this instance's memory.
   */
  readonly storage: StorageSettings | undefined;
}

/** Every missing or bad setting, reported at once. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid API configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const list = (value: string | undefined): string[] =>
  (value ?? '').split(/[,\s]+/).filter((item) => item !== '');

function readCookieKeys(raw: string | undefined, problems: string[]): CookieKey[] {
  const keys = list(raw).map((entry) => {
    const [kid = '', material = ''] = entry.split(':');
    const key = Buffer.from(material, 'base64');
    if (!/^[\w.-]{1,64}$/.test(kid) || key.length !== 32) {
      problems.push('AUTH_COOKIE_KEYS entries must be kid:base64 with a 32-byte key');
    }
    return { kid, key: new Uint8Array(key) };
  });
  if (keys.length === 0)
    problems.push('AUTH_COOKIE_KEYS is required (kid:base64key,..., newest first)');
  if (new Set(keys.map((key) => key.kid)).size !== keys.length)
    problems.push('AUTH_COOKIE_KEYS has a repeated kid');
  return keys;
}

function readCookieSecurity(raw: string | undefined, problems: string[]): CookieSecurity {
  const value = (raw || 'auto').toLowerCase();
  if (value === 'auto' || value === 'always') return value;
  problems.push(
    'AUTH_COOKIE_SECURE must be "auto" (Secure unless the host is loopback) or "always"',
  );
  return 'auto';
}

function readOrigins(raw: string | undefined, problems: string[]): string[] {
  return list(raw).map((origin) => {
    try {
      const url = new URL(origin);
      if (url.origin !== origin.replace(/\/$/, '')) throw new TypeError('not an origin');
      return url.origin;
    } catch {
      problems.push(
        `AUTH_ALLOWED_ORIGINS: "${origin}" is not an origin like https://app.example.com`,
      );
      return origin;
    }
  });
}

function readStorage(env: Env, problems: string[]): StorageSettings | undefined {
  const timeoutMs = Number(env['STORAGE_TIMEOUT_MS'] || '5000');
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000)
    problems.push('STORAGE_TIMEOUT_MS must be 100–60000');
  const connectionString = (env['STORAGE_CONNECTION_STRING'] ?? '').trim();
  if (connectionString === '') return undefined;
  if (!isStorageConnectionString(connectionString))
    problems.push(
      'STORAGE_CONNECTION_STRING must be UseDevelopmentStorage=true or an Azure Storage connection string',
    );
  return { connectionString, timeoutMs };
}

const B2C_SETTINGS = ['B2C_AUTHORITY', 'B2C_CLIENT_ID', 'API_AUDIENCE'] as const;
const EXTERNAL_ID_SETTINGS = [
  'EXTERNAL_ID_AUTHORITY',
  'EXTERNAL_ID_CLIENT_ID',
  'EXTERNAL_ID_API_AUDIENCE',
] as const;
const anySet = (env: Env, names: readonly string[]): boolean =>
  names.some((name) => (env[name] ?? '').trim() !== '');

function readB2C(env: Env, problems: string[]): B2CSettings {
  const authority = (env['B2C_AUTHORITY'] ?? '').replace(/\/+$/, '');
  const parsedAuthority = parseAuthority(authority);
  if (!parsedAuthority)
    problems.push(
      'B2C_AUTHORITY must be a policy authority, e.g. https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_ROPC_Auth',
    );
  const clientId = env['B2C_CLIENT_ID'] ?? '';
  if (!GUID.test(clientId))
    problems.push('B2C_CLIENT_ID must be the web client application id (a GUID)');
  const audiences = list(env['API_AUDIENCE']);
  if (audiences.length === 0) problems.push('API_AUDIENCE is required (the API application id)');
  return {
    authority,
    parsedAuthority: parsedAuthority ?? { origin: '', tenant: '', policy: '', style: 'path' },
    clientId,
    audiences,
  };
}

function readExternalIdAuthority(raw: string | undefined, problems: string[]): string {
  const value = (raw ?? '').trim();
  try {
    // Normalised to `{origin}/{tenant}`, so discovery is always `{authority}/v2.0/...`.
    return parseNativeAuthAuthority(value).baseUrl.replace(/\/+$/, '');
  } catch {
    problems.push(
      'EXTERNAL_ID_AUTHORITY must be an External ID tenant authority, e.g. https://contoso.ciamlogin.com/contoso.onmicrosoft.com (https; http only on a loopback host)',
    );
    return value;
  }
}

function readExternalId(env: Env, problems: string[]): ExternalIdSettings {
  const authority = readExternalIdAuthority(env['EXTERNAL_ID_AUTHORITY'], problems);
  const clientId = (env['EXTERNAL_ID_CLIENT_ID'] ?? '').trim();
  if (!GUID.test(clientId))
    problems.push('EXTERNAL_ID_CLIENT_ID must be the web client application id (a GUID)');
  const audiences = list(env['EXTERNAL_ID_API_AUDIENCE']);
  if (audiences.length === 0)
    problems.push(
      'EXTERNAL_ID_API_AUDIENCE is required (the API application id and/or its api://{id} URI)',
    );
  // An id token's aud is the client id: accepting it would let id tokens pass as access tokens.
  if (
    GUID.test(clientId) &&
    audiences.some((audience) => audience.toLowerCase() === clientId.toLowerCase())
  )
    problems.push(
      'EXTERNAL_ID_API_AUDIENCE must not hold EXTERNAL_ID_CLIENT_ID (id tokens carry the client id as their aud)',
    );
  return { authority, clientId, audiences };
}

function readNativeProxy(env: Env, problems: string[]): NativeProxySettings {
  const passthrough = (env['AUTH_NATIVE_PASSTHROUGH'] || 'off').toLowerCase();
  if (passthrough !== 'on' && passthrough !== 'off')
    problems.push('AUTH_NATIVE_PASSTHROUGH must be "on" or "off"');
  const rawLifetime = env['AUTH_NATIVE_REFRESH_LIFETIME_SECONDS'] || '86400';
  const lifetime = Number(rawLifetime);
  if (!/^\d+$/.test(rawLifetime) || lifetime < 60 || lifetime > 90 * 86_400)
    problems.push('AUTH_NATIVE_REFRESH_LIFETIME_SECONDS must be a whole number from 60 to 7776000');
  return {
    passthrough: passthrough === 'on',
    refreshLifetimeSeconds: lifetime,
    codeSendsPerAccount: readThrottle(env, 'AUTH_NATIVE_CODE_SENDS_ACCOUNT', '10/900', problems),
    codeSendsPerClient: readThrottle(env, 'AUTH_NATIVE_CODE_SENDS_IP', '30/900', problems),
    signUpStartsPerClient: readThrottle(env, 'AUTH_NATIVE_SIGNUP_IP', '10/3600', problems),
    resetStartsPerAccount: readThrottle(env, 'AUTH_NATIVE_RESET_ACCOUNT', '5/3600', problems),
    resetStartsPerClient: readThrottle(env, 'AUTH_NATIVE_RESET_IP', '10/3600', problems),
  };
}

/**
 * Reads the API's environment; returns a frozen config or throws ConfigError listing every problem.
 */
export function loadConfig(env: Env = process.env): ApiConfig {
  const problems: string[] = [];
  // Each authority is read whole as soon as one of its settings is given; at least one must be.
  const b2c = anySet(env, B2C_SETTINGS) ? readB2C(env, problems) : undefined;
  const externalId = anySet(env, EXTERNAL_ID_SETTINGS) ? readExternalId(env, problems) : undefined;
  if (!b2c && !externalId)
    problems.push(
      `set the Azure AD B2C settings (${B2C_SETTINGS.join(', ')}), the Entra External ID settings (${EXTERNAL_ID_SETTINGS.join(', ')}), or both`,
    );
  const hops = env['AUTH_TRUSTED_HOPS'] || '0';
  if (!/^\d+$/.test(hops) || Number(hops) > 10)
    problems.push('AUTH_TRUSTED_HOPS must be an integer 0–10');
  const timeout = Number(env['AUTH_UPSTREAM_TIMEOUT_MS'] || '10000');
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 60_000)
    problems.push('AUTH_UPSTREAM_TIMEOUT_MS must be 100–60000');
  const jwksRefresh = Number(env['AUTH_JWKS_REFRESH_SECONDS'] || '300');
  if (!Number.isInteger(jwksRefresh) || jwksRefresh < 1 || jwksRefresh > 86_400)
    problems.push('AUTH_JWKS_REFRESH_SECONDS must be 1–86400');
  const jwksCooldown = Number(env['AUTH_JWKS_REFETCH_COOLDOWN_SECONDS'] || '30');
  if (!Number.isInteger(jwksCooldown) || jwksCooldown < 1 || jwksCooldown > 3600)
    problems.push('AUTH_JWKS_REFETCH_COOLDOWN_SECONDS must be 1–3600');
  const tokenCache = (env['AUTH_TOKEN_CACHE'] || 'on').toLowerCase();
  if (tokenCache !== 'on' && tokenCache !== 'off')
    problems.push('AUTH_TOKEN_CACHE must be "on" or "off"');
  const config = {
    b2c,
    externalId,
    allowedOrigins: readOrigins(env['AUTH_ALLOWED_ORIGINS'], problems),
    cookieKeys: readCookieKeys(env['AUTH_COOKIE_KEYS'], problems),
    cookieSecure: readCookieSecurity(env['AUTH_COOKIE_SECURE'], problems),
    trustedHops: Number(hops),
    defaultScopes: list(env['AUTH_DEFAULT_SCOPES']),
    tokenCache: tokenCache !== 'off',
    upstreamTimeoutMs: timeout,
    jwksRefreshSeconds: jwksRefresh,
    jwksRefetchCooldownSeconds: jwksCooldown,
    protection: readProxyProtection(env, problems),
    nativeProxy: readNativeProxy(env, problems),
    storage: readStorage(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
