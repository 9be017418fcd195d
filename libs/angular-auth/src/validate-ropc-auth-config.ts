import { RopcAuthConfigError } from './ropc-auth-config-error';
import type { ProtectedResource, ResolvedRopcAuthConfig, RopcAuthConfig } from './ropc-auth-config';

type Fields = Readonly<Record<string, unknown>>;

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

const isScopeList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((scope) => isText(scope) && !/\s/.test(scope));

function isAbsoluteHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

function checkTokenEndpoint(fields: Fields, problems: string[]): void {
  const { mode, tokenEndpoint } = fields;
  if (!isText(tokenEndpoint)) {
    problems.push('tokenEndpoint: must be a URL');
  } else if (mode === 'proxy' && !/\/token$/.test(tokenEndpoint)) {
    problems.push('tokenEndpoint: in proxy mode must end with /token (e.g. /api/auth/token)');
  } else if (mode === 'direct' && !isAbsoluteHttpUrl(tokenEndpoint)) {
    problems.push('tokenEndpoint: in direct mode must be the authority token URL (absolute)');
  }
}

function checkResources(fields: Fields, problems: string[]): void {
  const resources = fields['protectedResources'];
  if (!Array.isArray(resources)) {
    problems.push('protectedResources: must be an array of { url, scopes }');
    return;
  }
  const granted = new Set(isScopeList(fields['scopes']) ? fields['scopes'] : []);
  resources.forEach((resource: Partial<ProtectedResource> | null, index) => {
    if (!isText(resource?.url)) problems.push(`protectedResources[${index}].url: must be a URL`);
    if (!isScopeList(resource?.scopes)) {
      problems.push(`protectedResources[${index}].scopes: must be an array of scope strings`);
    } else if (resource.scopes.some((scope) => !granted.has(scope))) {
      problems.push(`protectedResources[${index}].scopes: every scope must also be in scopes`);
    }
  });
}

function checkOptional(fields: Fields, problems: string[]): void {
  const { passwordResetUrl, refreshTokenStorage, refreshAheadSeconds, signInPath } = fields;
  if (passwordResetUrl !== undefined && !isText(passwordResetUrl))
    problems.push('passwordResetUrl: must be a URL when set');
  if (
    refreshTokenStorage !== undefined &&
    refreshTokenStorage !== 'memory' &&
    refreshTokenStorage !== 'sessionStorage'
  )
    problems.push('refreshTokenStorage: must be "memory" or "sessionStorage"');
  if (
    refreshAheadSeconds !== undefined &&
    (typeof refreshAheadSeconds !== 'number' ||
      !Number.isFinite(refreshAheadSeconds) ||
      refreshAheadSeconds < 0)
  )
    problems.push('refreshAheadSeconds: must be a number of seconds (0 or more)');
  if (signInPath !== undefined && !(isText(signInPath) && signInPath.startsWith('/')))
    problems.push('signInPath: must be an absolute route path such as /sign-in');
}

/**
 * The authority's own fields. External ID needs the proxy: its endpoints answer no CORS, and the
 * proxy is what keeps its refresh token out of script.
 */
function checkAuthority(fields: Fields, problems: string[]): void {
  const { authorityKind, nativeAuthBase, signInMethod, signUpUrl, mode } = fields;
  if (authorityKind !== undefined && authorityKind !== 'b2c' && authorityKind !== 'external-id')
    problems.push('authorityKind: must be "b2c" or "external-id"');
  if (signUpUrl !== undefined && !isText(signUpUrl))
    problems.push('signUpUrl: must be a URL when set');
  if (nativeAuthBase !== undefined && !(isText(nativeAuthBase) && !/\/$/.test(nativeAuthBase)))
    problems.push('nativeAuthBase: must be a URL path without a trailing slash');
  if (signInMethod !== undefined && signInMethod !== 'password' && signInMethod !== 'email-otp')
    problems.push('signInMethod: must be "password" or "email-otp"');
  if (authorityKind === 'external-id') {
    if (mode !== 'proxy')
      problems.push('mode: External ID needs "proxy" (its endpoints refuse CORS)');
    return;
  }
  if (signInMethod !== undefined && signInMethod !== 'password')
    problems.push('signInMethod: "email-otp" needs authorityKind "external-id"');
}

/**
 * Checks a runtime configuration (typically parsed `config.json`) and fills in the defaults.
 * Unknown fields are ignored.
 *
 * @throws RopcAuthConfigError `ERR_AUTH_CONFIG_INVALID` listing every bad field at once.
 */
export function validateRopcAuthConfig(value: unknown): ResolvedRopcAuthConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RopcAuthConfigError('ERR_AUTH_CONFIG_INVALID', [
      'the configuration is not an object',
    ]);
  }
  const fields = value as Fields;
  const problems: string[] = [];
  if (fields['mode'] !== 'proxy' && fields['mode'] !== 'direct')
    problems.push('mode: must be "proxy" or "direct"');
  checkTokenEndpoint(fields, problems);
  if (!isText(fields['clientId'])) problems.push('clientId: must be the application (client) id');
  if (!isScopeList(fields['scopes']) || fields['scopes'].length === 0)
    problems.push('scopes: must be a non-empty array of scope strings');
  checkResources(fields, problems);
  checkOptional(fields, problems);
  checkAuthority(fields, problems);
  if (problems.length > 0) throw new RopcAuthConfigError('ERR_AUTH_CONFIG_INVALID', problems);
  const config = value as RopcAuthConfig;
  return Object.freeze({
    ...config,
    authorityKind: config.authorityKind ?? 'b2c',
    nativeAuthBase: config.nativeAuthBase ?? '/api/auth/native',
    signInMethod: config.signInMethod ?? 'password',
    refreshTokenStorage: config.refreshTokenStorage ?? 'memory',
    refreshAheadSeconds: config.refreshAheadSeconds ?? 60,
    signInPath: config.signInPath ?? '/sign-in',
  });
}
