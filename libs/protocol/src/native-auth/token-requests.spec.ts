import { encodeNativeAuthBody } from './form-body';
import {
  nativeAuthRefreshTokenRequest,
  refreshScope,
  signInContinuationTokenRequest,
  signInOobTokenRequest,
  signInPasswordTokenRequest,
  signInScope,
} from './token-requests';

describe('token grant builders', () => {
  it('password: continuation_token, grant_type, scope, password, claims, client_info=1', () => {
    const request = signInPasswordTokenRequest('app', {
      continuationToken: 't',
      password: 'p w+&',
      claims: '{"id_token":{}}',
    });
    expect(encodeNativeAuthBody(request)).toBe(
      'client_id=app&continuation_token=t&grant_type=password&scope=openid+profile+offline_access' +
        '&password=p+w%2B%26&claims=%7B%22id_token%22%3A%7B%7D%7D&client_info=1',
    );
  });

  it('oob: continuation_token, scope, oob, grant_type, client_info=1', () => {
    expect(
      Object.entries(
        signInOobTokenRequest('app', {
          continuationToken: 't',
          oob: '12345678',
          scopes: ['openid'],
        }),
      ),
    ).toEqual([
      ['client_id', 'app'],
      ['continuation_token', 't'],
      ['scope', 'openid'],
      ['oob', '12345678'],
      ['grant_type', 'oob'],
      ['client_info', '1'],
    ]);
  });

  it('continuation token: username after claims and before client_info, left out when empty', () => {
    expect(
      Object.keys(
        signInContinuationTokenRequest('app', {
          continuationToken: 't',
          username: 'u',
          claims: '{}',
        }),
      ),
    ).toEqual([
      'client_id',
      'continuation_token',
      'scope',
      'grant_type',
      'claims',
      'username',
      'client_info',
    ]);
    expect(
      signInContinuationTokenRequest('app', { continuationToken: 't', username: '' }),
    ).not.toHaveProperty('username');
  });

  it('refresh: scope before grant_type, client_info before refresh_token, claims last', () => {
    expect(
      Object.entries(
        nativeAuthRefreshTokenRequest('app', {
          refreshToken: 'r',
          scopes: ['api://x/read'],
          claims: '{}',
        }),
      ),
    ).toEqual([
      ['client_id', 'app'],
      ['scope', 'api://x/read openid profile offline_access'],
      ['grant_type', 'refresh_token'],
      ['client_info', '1'],
      ['refresh_token', 'r'],
      ['claims', '{}'],
    ]);
  });

  it('refuses an empty password, code or refresh token', () => {
    expect(() =>
      signInPasswordTokenRequest('app', { continuationToken: 't', password: '' }),
    ).toThrow(TypeError);
    expect(() => signInOobTokenRequest('app', { continuationToken: 't', oob: '' })).toThrow(
      TypeError,
    );
    expect(() => nativeAuthRefreshTokenRequest('app', { refreshToken: '' })).toThrow(TypeError);
  });
});

describe('scopes', () => {
  it('sign-in asks for the app’s scopes, or openid profile offline_access when it names none', () => {
    expect(signInScope()).toBe('openid profile offline_access');
    expect(signInScope([])).toBe('openid profile offline_access');
    expect(signInScope(['api://x/read'])).toBe('api://x/read');
  });

  it('refresh always adds the defaults after the app’s scopes, once', () => {
    expect(refreshScope()).toBe('openid profile offline_access');
    expect(refreshScope(['openid', 'api://x/read'])).toBe(
      'openid api://x/read profile offline_access',
    );
  });
});
