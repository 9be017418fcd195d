import { passwordGrant, refreshTokenGrant, type TokenSet } from '@ropc/protocol';
import type { B2CAuthority } from '../authority/resolve-authority';
import { fromProtocolError } from './authority-errors';

/** Where and as whom a B2C grant goes. */
export interface B2CGrantTarget {
  readonly authority: B2CAuthority;
  readonly clientId: string;
  readonly scope: string;
}

/** The ROPC password grant of a B2C user flow (docs/b2c-ropc-protocol.md §2). */
export async function b2cPasswordSignIn(
  target: B2CGrantTarget,
  username: string,
  password: string,
): Promise<TokenSet> {
  try {
    return await passwordGrant(
      { tokenEndpoint: target.authority.tokenEndpoint, clientId: target.clientId },
      { username, password, scope: target.scope },
    );
  } catch (error) {
    throw fromProtocolError(error);
  }
}

/** The refresh grant of a B2C user flow: the answer carries the refresh token that replaces it. */
export async function b2cRefresh(target: B2CGrantTarget, refreshToken: string): Promise<TokenSet> {
  try {
    return await refreshTokenGrant(
      { tokenEndpoint: target.authority.tokenEndpoint, clientId: target.clientId },
      { refreshToken, scope: target.scope },
    );
  } catch (error) {
    throw fromProtocolError(error);
  }
}
