import { policyEquals, policyOfClaims, type B2CAccessTokenClaims } from '@ropc/protocol';
import type { JWTHeaderParameters, JWTPayload } from 'jose';
import type { KeyBinding } from './key-source';
import { TokenValidationError } from './token-validation-error';

/**
 * A token that passed validation. Frozen, with the claims' arrays: one instance may be served to
 * many requests from the verified-token cache.
 */
export interface ValidatedToken {
  /**
   * The claims. Checked: signature, `iss`, `aud`, `exp`, `nbf`, the policy claim, and the types of
   * `scp` and `roles`. Not checked: the presence or type of any other claim (`azp`, `oid`, ...).
   */
  readonly claims: B2CAccessTokenClaims;
  /** `scp` split on spaces, e.g. `['notes.read']`; empty without `scp`. */
  readonly scopes: readonly string[];
  /**
   * The accepted policy, spelled as configured (`acr` arrives lowercased); `undefined` for an
   * authority whose tokens name none (`tenantAuthority`).
   */
  readonly policy: string | undefined;
  readonly protectedHeader: JWTHeaderParameters;
}

/** What a call needs beyond a valid token; every listed scope and role must be present. */
export interface TokenRequirements {
  /** Permission names as in `scp`, e.g. `notes.read` (not the full scope URI). */
  readonly scopes?: readonly string[];
  /** Values of the `roles` claim. */
  readonly roles?: readonly string[];
}

/**
 * Checks what jose does not — the issuer and policy against the authorities that published the
 * signing key, the shapes of `scp` and `roles`, then the caller's `checkClaims` — and builds the
 * frozen result.
 */
export function toValidatedToken(
  payload: JWTPayload,
  protectedHeader: JWTHeaderParameters,
  bindings: readonly KeyBinding[],
  checkClaims?: (claims: Readonly<Record<string, unknown>>) => void,
): ValidatedToken {
  const policy = acceptedPolicy(payload, bindings);
  const { scp, roles } = payload;
  if (scp !== undefined && typeof scp !== 'string') throw malformed('scp is not a string');
  if (roles !== undefined && !isStringArray(roles)) throw malformed('roles is not a string array');
  const scopes = Object.freeze(scp === undefined ? [] : scp.split(' ').filter(Boolean));
  // One level deep covers B2C's nested claims (`emails`, `roles`).
  for (const value of Object.values(payload)) {
    if (typeof value === 'object' && value !== null) Object.freeze(value);
  }
  const claims = Object.freeze(payload);
  checkClaims?.(claims);
  return Object.freeze({
    claims: claims as unknown as B2CAccessTokenClaims,
    scopes,
    policy,
    protectedHeader: Object.freeze(protectedHeader),
  });
}

/**
 * The configured spelling of the token's policy. The key's own authorities must have issued the
 * token: a key trusted for one issuer never vouches for another issuer or for another policy. An
 * authority without policies reads no policy claim (`undefined`).
 */
function acceptedPolicy(payload: JWTPayload, bindings: readonly KeyBinding[]): string | undefined {
  const { iss, tfp, acr } = payload;
  if (
    (tfp !== undefined && typeof tfp !== 'string') ||
    (acr !== undefined && typeof acr !== 'string')
  ) {
    throw malformed('the policy claim is not a string');
  }
  const named = policyOfClaims({ tfp, acr });
  let issuerKnown = false;
  // Plain loops: usually one binding with one policy, and this runs for every token.
  for (const binding of bindings) {
    if (binding.issuer !== iss) continue;
    issuerKnown = true;
    if (binding.policies === undefined) return undefined;
    for (const policy of binding.policies) {
      if (named !== undefined && policyEquals(policy, named)) return policy;
    }
  }
  throw new TokenValidationError(issuerKnown ? 'ERR_POLICY_NOT_ALLOWED' : 'ERR_ISSUER_INVALID');
}

function malformed(detail: string): TokenValidationError {
  return new TokenValidationError('ERR_TOKEN_MALFORMED', { detail });
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
