import { NATIVE_AUTH_ENDPOINTS, nativeAuthEndpointOfPath } from './endpoints';

describe('NATIVE_AUTH_ENDPOINTS', () => {
  it('lists the twelve V1 endpoints under oauth2/v2.0, signup/v1.0 and resetpassword/v1.0', () => {
    expect(Object.values(NATIVE_AUTH_ENDPOINTS)).toEqual([
      'oauth2/v2.0/initiate',
      'oauth2/v2.0/challenge',
      'oauth2/v2.0/token',
      'oauth2/v2.0/introspect',
      'signup/v1.0/start',
      'signup/v1.0/challenge',
      'signup/v1.0/continue',
      'resetpassword/v1.0/start',
      'resetpassword/v1.0/challenge',
      'resetpassword/v1.0/continue',
      'resetpassword/v1.0/submit',
      'resetpassword/v1.0/poll_completion',
    ]);
  });
});

describe('nativeAuthEndpointOfPath', () => {
  it('names the endpoint of a path, with or without a leading slash', () => {
    expect(nativeAuthEndpointOfPath('oauth2/v2.0/initiate')).toBe('signInInitiate');
    expect(nativeAuthEndpointOfPath('/resetpassword/v1.0/poll_completion')).toBe(
      'resetPasswordPollCompletion',
    );
  });

  it('knows nothing else: other versions, case variants, register, prototype names', () => {
    for (const path of [
      'oauth2/v2.0/authorize',
      'OAuth2/v2.0/token',
      'register/v1.0/introspect',
      'signup/v2.0/start',
      'constructor',
      '',
    ])
      expect(nativeAuthEndpointOfPath(path)).toBeUndefined();
  });
});
