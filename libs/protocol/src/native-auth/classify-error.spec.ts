import {
  PASSWORD_POLICY_KINDS,
  classifyNativeAuthError,
  classifyNativeAuthFailure,
  isPasswordPolicyKind,
} from './classify-error';
import type { NativeAuthError } from './native-auth-error';

const error = (fields: Partial<NativeAuthError>): NativeAuthError => ({
  status: 400,
  error: 'invalid_request',
  errorCodes: [],
  description: '',
  ...fields,
});

describe('classifyNativeAuthError', () => {
  it.each([
    [{ error: 'user_not_found' }, 'user_not_found'],
    [{ error: 'invalid_grant', errorCodes: [50126] }, 'invalid_password'],
    [{ error: 'invalid_grant', suberror: 'invalid_oob_value' }, 'invalid_code'],
    [{ error: 'user_already_exists', errorCodes: [1003037] }, 'user_already_exists'],
    [{ error: 'attributes_required', errorCodes: [55106] }, 'attributes_required'],
    [
      { error: 'invalid_grant', suberror: 'attribute_validation_failed' },
      'attribute_validation_failed',
    ],
    [{ error: 'credential_required', errorCodes: [55103] }, 'credential_required'],
    [{ error: 'verification_required' }, 'verification_required'],
    [{ error: 'invalid_grant', suberror: 'mfa_required' }, 'strong_auth_required'],
    [{ error: 'invalid_grant', suberror: 'registration_required' }, 'strong_auth_required'],
    [{ error: 'expired_token', errorCodes: [552003] }, 'expired_token'],
    [{ error: 'invalid_request', errorCodes: [90100] }, 'invalid_username'],
    [{ error: 'unsupported_challenge_type' }, 'unsupported_challenge_type'],
    [
      {
        description:
          'AADSTS0: The challenge_type list parameter contains an unsupported challenge type',
      },
      'unsupported_challenge_type',
    ],
    [{ error: 'invalid_request', errorCodes: [50142] }, 'password_reset_required'],
    [{ error: 'invalid_grant', errorCodes: [50053] }, 'locked'],
    [{ error: 'invalid_request', errorCodes: [50053] }, 'locked'],
    [{ error: 'invalid_grant', errorCodes: [50126], status: 429 }, 'throttled'],
    [{ error: 'invalid_grant' }, 'other'],
    [{ error: 'invalid_grant', suberror: 'bad_token' }, 'other'],
    [{ error: 'invalid_request', errorCodes: [500222] }, 'other'],
    [{ error: 'invalid_client', suberror: 'nativeauthapi_disabled' }, 'other'],
    [{ error: 'user_not_found ' }, 'other'],
    [{ error: 'constructor' }, 'other'],
    [{ error: 'invalid_grant', suberror: 'toString' }, 'other'],
  ] as const)('classifies %j as %s', (fields, kind) => {
    expect(classifyNativeAuthError(error(fields))).toBe(kind);
  });

  it.each(PASSWORD_POLICY_KINDS)(
    'classifies invalid_grant + %s as that policy kind',
    (suberror) => {
      const kind = classifyNativeAuthError(error({ error: 'invalid_grant', suberror }));
      expect(kind).toBe(suberror);
      expect(isPasswordPolicyKind(kind)).toBe(true);
    },
  );

  it('does not take a password suberror outside invalid_grant', () => {
    expect(
      classifyNativeAuthError(error({ error: 'invalid_request', suberror: 'password_too_weak' })),
    ).toBe('other');
    expect(isPasswordPolicyKind('invalid_password')).toBe(false);
  });
});

describe('classifyNativeAuthFailure', () => {
  it('classifies a redirect, an error and an unusable answer', () => {
    expect(classifyNativeAuthFailure({ kind: 'redirect' })).toBe('redirect');
    expect(
      classifyNativeAuthFailure({ kind: 'error', error: error({ error: 'expired_token' }) }),
    ).toBe('expired_token');
    expect(
      classifyNativeAuthFailure({
        kind: 'invalid_response',
        status: 200,
        problem: 'client_info_missing',
      }),
    ).toBe('invalid_response');
  });

  it('takes a 429 that is not an error body as throttling', () => {
    expect(
      classifyNativeAuthFailure({ kind: 'invalid_response', status: 429, problem: 'not_json' }),
    ).toBe('throttled');
  });
});
