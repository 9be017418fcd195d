import type { GrantType, TokenRequest, TokenResponseBody } from '@ropc/protocol';
import { passwordGrant } from './password-grant';
import { refreshGrant } from './refresh-grant';
import type { TokenRequestContext } from './token-request-context';

/** A grant: its `grant_type` and the handler that answers a request of that type. */
export interface Grant<T extends TokenRequest = TokenRequest> {
  readonly grantType: T['grant_type'];
  handler(context: TokenRequestContext, request: T): Promise<TokenResponseBody>;
}

/**
 * The grants a B2C ROPC user flow serves, by `grant_type` — one module each, as
 * node-oidc-provider keeps them (`lib/actions/grants/*`). A new grant is a new entry here; the
 * token endpoint never switches on the type.
 */
const GRANTS: { readonly [G in GrantType]: Grant<Extract<TokenRequest, { grant_type: G }>> } = {
  password: passwordGrant,
  refresh_token: refreshGrant,
};

/** Answers `request` with the grant its `grant_type` names (the form codec admits only these). */
export function handleGrant(
  context: TokenRequestContext,
  request: TokenRequest,
): Promise<TokenResponseBody> {
  // The entry for request.grant_type takes that request's type; TypeScript cannot correlate the
  // two through the union, so the registry's entry is read as a handler of any token request.
  const grant = GRANTS[request.grant_type] as Grant;
  return grant.handler(context, request);
}
