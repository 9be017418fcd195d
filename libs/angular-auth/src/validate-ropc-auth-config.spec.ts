import { PROXY_CONFIG, DIRECT_CONFIG, NOTES_READ } from '../test/token-fixtures';
import { RopcAuthConfigError } from './ropc-auth-config-error';
import { validateRopcAuthConfig } from './validate-ropc-auth-config';

function problemsOf(value: unknown): readonly string[] {
  try {
    validateRopcAuthConfig(value);
  } catch (error) {
    if (error instanceof RopcAuthConfigError && error.code === 'ERR_AUTH_CONFIG_INVALID') {
      return error.problems;
    }
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('validateRopcAuthConfig', () => {
  it('accepts config.json and fills in the defaults', () => {
    expect(validateRopcAuthConfig({ ...PROXY_CONFIG, extra: true })).toEqual({
      ...PROXY_CONFIG,
      extra: true,
      authorityKind: 'b2c',
      nativeAuthBase: '/api/auth/native',
      signInMethod: 'password',
      refreshTokenStorage: 'memory',
      refreshAheadSeconds: 60,
      signInPath: '/sign-in',
    });
  });

  it('keeps the optional settings given', () => {
    const config = {
      ...DIRECT_CONFIG,
      authorityKind: 'b2c',
      nativeAuthBase: '/api/auth/native',
      signInMethod: 'password',
      passwordResetUrl: 'https://contoso.example/reset',
      signUpUrl: 'https://contoso.example/sign-up',
      refreshTokenStorage: 'sessionStorage',
      refreshAheadSeconds: 0,
      signInPath: '/login',
    };
    expect(validateRopcAuthConfig(config)).toEqual(config);
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(validateRopcAuthConfig(PROXY_CONFIG))).toBe(true);
  });

  it('lists every bad field at once', () => {
    expect(
      problemsOf({
        mode: 'implicit',
        tokenEndpoint: '',
        clientId: 7,
        scopes: ['openid profile'],
        protectedResources: [{ url: '', scopes: ['x'] }, null],
        passwordResetUrl: '',
        refreshTokenStorage: 'cookies',
        refreshAheadSeconds: -1,
        signInPath: 'sign-in',
      }),
    ).toEqual([
      'mode: must be "proxy" or "direct"',
      'tokenEndpoint: must be a URL',
      'clientId: must be the application (client) id',
      'scopes: must be a non-empty array of scope strings',
      'protectedResources[0].url: must be a URL',
      'protectedResources[0].scopes: every scope must also be in scopes',
      'protectedResources[1].url: must be a URL',
      'protectedResources[1].scopes: must be an array of scope strings',
      'passwordResetUrl: must be a URL when set',
      'refreshTokenStorage: must be "memory" or "sessionStorage"',
      'refreshAheadSeconds: must be a number of seconds (0 or more)',
      'signInPath: must be an absolute route path such as /sign-in',
    ]);
  });

  it('names the missing fields of an empty object', () => {
    expect(problemsOf({})).toEqual([
      'mode: must be "proxy" or "direct"',
      'tokenEndpoint: must be a URL',
      'clientId: must be the application (client) id',
      'scopes: must be a non-empty array of scope strings',
      'protectedResources: must be an array of { url, scopes }',
    ]);
  });

  it('wants /token at the end of a proxy endpoint and an absolute URL in direct mode', () => {
    expect(problemsOf({ ...PROXY_CONFIG, tokenEndpoint: '/api/auth/signin' })).toEqual([
      'tokenEndpoint: in proxy mode must end with /token (e.g. /api/auth/token)',
    ]);
    expect(problemsOf({ ...DIRECT_CONFIG, tokenEndpoint: '/oauth2/v2.0/token' })).toEqual([
      'tokenEndpoint: in direct mode must be the authority token URL (absolute)',
    ]);
  });

  it('refuses a protected resource needing a scope the session does not request', () => {
    expect(
      problemsOf({ ...PROXY_CONFIG, scopes: ['openid', 'offline_access', NOTES_READ] }),
    ).toEqual(['protectedResources[0].scopes: every scope must also be in scopes']);
  });

  it('takes External ID behind the proxy, with its own fields', () => {
    const config = {
      ...PROXY_CONFIG,
      authorityKind: 'external-id',
      nativeAuthBase: '/auth/native',
      signInMethod: 'email-otp',
    };
    expect(validateRopcAuthConfig(config)).toEqual({
      ...config,
      refreshTokenStorage: 'memory',
      refreshAheadSeconds: 60,
      signInPath: '/sign-in',
    });
  });

  it('refuses External ID in direct mode, and a code sign-in on B2C', () => {
    expect(problemsOf({ ...DIRECT_CONFIG, authorityKind: 'external-id' })).toEqual([
      'mode: External ID needs "proxy" (its endpoints refuse CORS)',
    ]);
    expect(
      problemsOf({
        ...PROXY_CONFIG,
        nativeAuthBase: '/api/auth/native',
        signInMethod: 'email-otp',
      }),
    ).toEqual(['signInMethod: "email-otp" needs authorityKind "external-id"']);
  });

  it('names bad authority fields', () => {
    expect(
      problemsOf({
        ...PROXY_CONFIG,
        authorityKind: 'entra',
        signUpUrl: '',
        nativeAuthBase: '/api/auth/native/',
        signInMethod: 'sms',
      }),
    ).toEqual([
      'authorityKind: must be "b2c" or "external-id"',
      'signUpUrl: must be a URL when set',
      'nativeAuthBase: must be a URL path without a trailing slash',
      'signInMethod: must be "password" or "email-otp"',
      'signInMethod: "email-otp" needs authorityKind "external-id"',
    ]);
  });

  it('refuses what is not an object, with a message naming the problems', () => {
    expect(() => validateRopcAuthConfig('config.json')).toThrow(
      'Invalid auth configuration:\n- the configuration is not an object',
    );
  });
});
