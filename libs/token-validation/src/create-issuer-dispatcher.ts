import { decodeJwt } from 'jose';
import { assertRequirements } from './check-requirements';
import {
  assertToken,
  issuerIndexOf,
  type IssuerIndex,
  type TokenValidator,
} from './create-token-validator';
import { TokenValidationError } from './token-validation-error';

/** A validator over several authorities' validators, made by {@link createIssuerDispatcher}. */
export interface IssuerDispatcher extends TokenValidator {
  /**
   * The validator that tokens with this `iss` go to, among those given — once its authority's
   * issuer is known, as it is for any token that passed `validate` — else undefined. No I/O: call
   * it with a validated token's `claims.iss` to learn which authority issued it.
   */
  validatorOf(issuer: string): TokenValidator | undefined;
}

interface Route {
  readonly validator: TokenValidator;
  readonly index: IssuerIndex;
}

/**
 * Joins validators of different authorities — a B2C tenant's user flows and an Entra External ID
 * tenant, say — into one. Each token goes to the validator whose authority has the token's `iss`
 * (read before verification only to choose; that validator then checks everything, `iss`
 * included), and to no other: nothing else the client sends (`tid`, a header) chooses. So every
 * authority keeps its own discovery, keys, refetch cooldown, audiences, claim checks and
 * verified-token cache.
 *
 * Issuers come from the authorities' discovery documents, read on first use. A token whose `iss`
 * no authority has is refused with `ERR_ISSUER_INVALID`; while an authority's discovery cannot be
 * read (within its validator's refetch rules), with `ERR_METADATA_UNAVAILABLE`, since the token
 * may be that authority's. When two authorities have the same issuer, the first listed gets its
 * tokens.
 *
 * @throws TypeError unless `validators` is a non-empty array of distinct validators made by
 *   {@link createTokenValidator}.
 */
export function createIssuerDispatcher(validators: readonly TokenValidator[]): IssuerDispatcher {
  if (!Array.isArray(validators) || validators.length === 0) {
    throw new TypeError('validators must be a non-empty array');
  }
  if (new Set(validators).size !== validators.length) {
    throw new TypeError('each validator may be given once');
  }
  const routes: Route[] = validators.map((validator: TokenValidator) => {
    const index = issuerIndexOf(validator);
    if (!index) throw new TypeError('each validator must come from createTokenValidator');
    return { validator, index };
  });

  /** The route of an issuer no known issuer matched: after reading the unknown ones. */
  async function settle(issuer: string): Promise<Route> {
    const unsettled = routes.filter((route) => !route.index.settled());
    await Promise.all(unsettled.map((route) => route.index.settle()));
    const found = routes.find((route) => route.index.trusts(issuer));
    if (found) return found;
    const unknown = routes.find((route) => !route.index.settled());
    if (unknown) throw unknown.index.unavailable();
    throw new TokenValidationError('ERR_ISSUER_INVALID', {
      detail: 'no trusted authority has the token issuer',
    });
  }

  return {
    async validate(token, requirements = {}) {
      assertRequirements(requirements);
      assertToken(token);
      const issuer = unverifiedIssuer(token);
      // Known issuers answer without I/O; only an issuer none of them has waits for discovery.
      const route =
        routes.find((candidate) => candidate.index.trusts(issuer)) ?? (await settle(issuer));
      return route.validator.validate(token, requirements);
    },
    validatorOf(issuer) {
      return routes.find((route) => route.index.trusts(issuer))?.validator;
    },
  };
}

/** The `iss` of a compact JWS, unverified: it only chooses the validator that verifies it. */
function unverifiedIssuer(token: string): string {
  let iss: unknown;
  try {
    ({ iss } = decodeJwt(token));
  } catch (error) {
    // jose's decode errors name the failing part, never its content.
    throw new TokenValidationError('ERR_TOKEN_MALFORMED', {
      detail: error instanceof Error ? error.message : 'not a JWT',
    });
  }
  if (typeof iss !== 'string' || iss === '') {
    throw new TokenValidationError('ERR_ISSUER_INVALID', { detail: 'the token has no iss' });
  }
  return iss;
}
