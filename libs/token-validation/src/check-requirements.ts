import { TokenValidationError } from './token-validation-error';
import type { TokenRequirements, ValidatedToken } from './validated-token';

/** RFC 6750 §3 scope-token characters: printable ASCII without space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/**
 * Checks requirements given by the caller; misuse throws TypeError. Scopes must be scope tokens
 * because they are echoed in the `WWW-Authenticate` challenge.
 */
export function assertRequirements(requirements: TokenRequirements): void {
  if (typeof requirements !== 'object') throw new TypeError('requirements must be an object');
  const { scopes = [], roles = [] } = requirements;
  if (
    !Array.isArray(scopes) ||
    !scopes.every((scope) => typeof scope === 'string' && SCOPE_TOKEN.test(scope))
  ) {
    throw new TypeError('requirements.scopes must be scope tokens, e.g. notes.read');
  }
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string' && role !== '')) {
    throw new TypeError('requirements.roles must be non-empty strings');
  }
}

/**
 * Throws `ERR_INSUFFICIENT_SCOPE` (with every required scope, for the challenge) or
 * `ERR_INSUFFICIENT_ROLE` unless the token holds all required scopes and roles.
 */
export function checkRequirements(token: ValidatedToken, requirements: TokenRequirements): void {
  const { scopes = [], roles = [] } = requirements;
  if (!scopes.every((scope) => token.scopes.includes(scope))) {
    throw new TokenValidationError('ERR_INSUFFICIENT_SCOPE', { requiredScopes: scopes });
  }
  const granted = token.claims.roles ?? [];
  if (!roles.every((role) => granted.includes(role))) {
    throw new TokenValidationError('ERR_INSUFFICIENT_ROLE');
  }
}
