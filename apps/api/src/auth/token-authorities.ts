import {
  createIssuerDispatcher,
  createTokenValidator,
  type TokenValidator,
  type TokenValidatorBaseOptions,
  type ValidatedToken,
} from '@ropc/token-validation';
import type { ApiConfig } from '../config';
import { tokenValidationObserver } from '../telemetry/token-validation-telemetry';
import { checkExternalIdClaims } from './external-id-claims';

/** The kinds of authority whose access tokens the API accepts. */
export type AuthorityKind = 'b2c' | 'external-id';

/** An authority the API trusts, as configured. */
export interface TrustedAuthority {
  readonly kind: AuthorityKind;
  /** `B2C_AUTHORITY` or `EXTERNAL_ID_AUTHORITY`. */
  readonly authority: string;
}

/** The API's token validation over every configured authority. */
export interface TokenAuthorities {
  /** What `requireAuth` guards with: one validator per authority, chosen by the token's `iss`. */
  readonly validator: TokenValidator;
  /** The authority that issued a token this validator accepted. */
  readonly authorityOf: (token: ValidatedToken) => TrustedAuthority;
}

/**
 * One validator per configured authority — its own discovery, keys, refetch cooldown, audiences,
 * claim checks and verified-token cache — joined by issuer when there are two. A B2C-only API
 * validates exactly as before this dispatcher existed.
 */
export function createTokenAuthorities(config: ApiConfig): TokenAuthorities {
  const common: Omit<TokenValidatorBaseOptions, 'audience'> = {
    keys: {
      refreshIntervalMs: config.jwksRefreshSeconds * 1000,
      refetchCooldownMs: config.jwksRefetchCooldownSeconds * 1000,
    },
    // AUTH_TOKEN_CACHE=off: every request verifies its token's signature (the benchmarks'
    // baseline).
    ...(config.tokenCache ? {} : { cache: false as const }),
  };
  const trusted: (TrustedAuthority & { readonly validator: TokenValidator })[] = [];
  if (config.b2c) {
    const { authority, audiences } = config.b2c;
    trusted.push({
      kind: 'b2c',
      authority,
      validator: createTokenValidator({
        authorities: [authority],
        audience: audiences,
        observer: tokenValidationObserver('b2c'),
        ...common,
      }),
    });
  }
  if (config.externalId) {
    const { authority, audiences } = config.externalId;
    trusted.push({
      kind: 'external-id',
      authority,
      validator: createTokenValidator({
        tenantAuthority: authority,
        audience: audiences,
        checkClaims: checkExternalIdClaims,
        observer: tokenValidationObserver('external-id'),
        ...common,
      }),
    });
  }
  const [only, ...others] = trusted;
  if (!only) throw new TypeError('no authority is configured');
  if (others.length === 0) return { validator: only.validator, authorityOf: () => only };
  const dispatcher = createIssuerDispatcher(trusted.map((entry) => entry.validator));
  return {
    validator: dispatcher,
    authorityOf: (token) => {
      const validator = dispatcher.validatorOf(token.claims.iss);
      const found = trusted.find((entry) => entry.validator === validator);
      // Unreachable for a token the dispatcher accepted: its issuer is known by then.
      if (!found) throw new Error('the token was issued by no configured authority');
      return found;
    },
  };
}
