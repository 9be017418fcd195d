import {
  authorityEndpointUrl,
  parseAuthority,
  passwordGrant,
  refreshTokenGrant,
  type TokenSet,
} from '@ropc/protocol';
import { usageError } from '../cli-error';
import { b2cCallError } from './authority-errors';

/** The token URL of a B2C policy authority, or a usage error naming the expected forms. */
function tokenEndpointOf(authority: string): string {
  const parsed = parseAuthority(authority);
  if (parsed === undefined)
    throw usageError(
      'a B2C authority is https://{host}/{tenant}/{policy} or https://{host}/tfp/{tenant}/{policy}',
    );
  return authorityEndpointUrl(parsed, 'token');
}

/** Default scope of a B2C sign-in: an id token and a refresh token. */
const DEFAULT_B2C_SCOPE = 'openid offline_access';

/** B2C's ROPC password grant (docs/b2c-ropc-protocol.md), by the protocol library's client. */
export async function b2cPasswordSignIn(input: {
  readonly authority: string;
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
  readonly scope?: string;
}): Promise<TokenSet> {
  const tokenEndpoint = tokenEndpointOf(input.authority);
  try {
    return await passwordGrant(
      { tokenEndpoint, clientId: input.clientId },
      {
        username: input.username,
        password: input.password,
        scope: input.scope ?? DEFAULT_B2C_SCOPE,
      },
    );
  } catch (error) {
    throw b2cCallError(error, 'sign-in');
  }
}

/** B2C's refresh grant; the answer's refresh token replaces the one sent. */
export async function b2cRefresh(input: {
  readonly authority: string;
  readonly clientId: string;
  readonly refreshToken: string;
  readonly scope?: string;
}): Promise<TokenSet> {
  const tokenEndpoint = tokenEndpointOf(input.authority);
  try {
    return await refreshTokenGrant(
      { tokenEndpoint, clientId: input.clientId },
      { refreshToken: input.refreshToken, scope: input.scope ?? DEFAULT_B2C_SCOPE },
    );
  } catch (error) {
    throw b2cCallError(error, 'refresh');
  }
}
