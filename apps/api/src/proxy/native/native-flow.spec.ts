import { isCredentialAttempt, mayChallengeWithCode, nativeCallOf } from './native-flow';

describe('native-auth calls as the proxy protects them', () => {
  it('starts flows at initiate, sign-up start and reset start', () => {
    expect(nativeCallOf('signInInitiate', undefined)).toEqual({ kind: 'start', flow: 'sign_in' });
    expect(nativeCallOf('signUpStart', undefined)).toEqual({ kind: 'start', flow: 'sign_up' });
    expect(nativeCallOf('resetPasswordStart', undefined)).toEqual({
      kind: 'start',
      flow: 'reset_password',
    });
  });

  it('continues each flow with its own wrapper; the token endpoint by grant', () => {
    expect(nativeCallOf('signUpContinue', 'oob')).toEqual({ kind: 'continue', flows: ['sign_up'] });
    expect(nativeCallOf('token', 'password')).toEqual({ kind: 'continue', flows: ['sign_in'] });
    expect(nativeCallOf('token', 'continuation_token')).toEqual({
      kind: 'continue',
      flows: ['sign_in', 'sign_up', 'reset_password'],
    });
    expect(nativeCallOf('token', 'refresh_token')).toEqual({ kind: 'refresh' });
    expect(nativeCallOf('token', 'client_credentials')).toEqual({ kind: 'unsupported_grant' });
    expect(nativeCallOf('token', undefined)).toEqual({ kind: 'unsupported_grant' });
  });

  it('counts passwords and codes as credential attempts, and every challenge as a code send', () => {
    expect(isCredentialAttempt('token', 'password')).toBe(true);
    expect(isCredentialAttempt('token', 'oob')).toBe(true);
    expect(isCredentialAttempt('token', 'continuation_token')).toBe(false);
    expect(isCredentialAttempt('signUpContinue', 'oob')).toBe(true);
    expect(isCredentialAttempt('signUpContinue', 'attributes')).toBe(false);
    expect(isCredentialAttempt('resetPasswordContinue', 'oob')).toBe(true);
    expect(mayChallengeWithCode('signInChallenge')).toBe(true);
    expect(mayChallengeWithCode('signInInitiate')).toBe(false);
  });
});
