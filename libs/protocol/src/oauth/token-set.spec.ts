import { normaliseTokenResponse } from './token-response';
import { toTokenSet } from './token-set';
import seedPasswordResponse from '../../test/fixtures/seed-password-response.json';
import seedRefreshResponse from '../../test/fixtures/seed-refresh-response.json';
import { CLIENT_ID } from '../../test/fixtures/reference-examples';

describe('toTokenSet', () => {
  it('computes absolute expiry times from the time the request was sent', () => {
    const requestedAt = 1_764_000_000_000;
    const set = toTokenSet(normaliseTokenResponse(seedPasswordResponse), requestedAt);
    expect(set).toEqual({
      tokenType: 'Bearer',
      accessToken: seedPasswordResponse.access_token,
      idToken: seedPasswordResponse.id_token,
      refreshToken: seedPasswordResponse.refresh_token,
      accessTokenExpiresAt: requestedAt + 3_600_000,
      idTokenExpiresAt: requestedAt + 3_600_000,
    });
  });

  it('prefers expires_on when it is earlier than the relative lifetime', () => {
    const response = normaliseTokenResponse(seedRefreshResponse);
    const set = toTokenSet(response, 1_764_000_100_000);
    expect(set.accessTokenExpiresAt).toBe(1_764_003_600_000);
    expect(set.refreshTokenExpiresAt).toBe(1_764_000_100_000 + 1_209_600_000);
    expect(set.resource).toBe(CLIENT_ID);
  });
});
