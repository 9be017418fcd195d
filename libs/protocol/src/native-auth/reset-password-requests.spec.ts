import { encodeNativeAuthBody } from './form-body';
import {
  resetPasswordChallengeRequest,
  resetPasswordContinueRequest,
  resetPasswordPollCompletionRequest,
  resetPasswordStartRequest,
  resetPasswordSubmitRequest,
} from './reset-password-requests';

describe('password-reset request builders', () => {
  it('start: challenge_type before username, then capabilities', () => {
    expect(
      encodeNativeAuthBody(
        resetPasswordStartRequest('app', {
          username: 'u@x',
          challengeTypes: ['oob'],
          capabilities: ['mfa_required'],
        }),
      ),
    ).toBe('client_id=app&challenge_type=oob+redirect&username=u%40x&capabilities=mfa_required');
  });

  it('challenge: challenge_type before continuation_token', () => {
    expect(
      Object.keys(
        resetPasswordChallengeRequest('app', { continuationToken: 't', challengeTypes: ['oob'] }),
      ),
    ).toEqual(['client_id', 'challenge_type', 'continuation_token']);
  });

  it('continue, submit and poll', () => {
    expect(
      encodeNativeAuthBody(
        resetPasswordContinueRequest('app', { continuationToken: 't', oob: '1' }),
      ),
    ).toBe('client_id=app&continuation_token=t&grant_type=oob&oob=1');
    expect(
      encodeNativeAuthBody(
        resetPasswordSubmitRequest('app', { continuationToken: 't', newPassword: 'n p' }),
      ),
    ).toBe('client_id=app&continuation_token=t&new_password=n+p');
    expect(resetPasswordPollCompletionRequest('app', { continuationToken: 't' })).toEqual({
      client_id: 'app',
      continuation_token: 't',
    });
  });

  it('refuses an empty new password or code', () => {
    expect(() =>
      resetPasswordSubmitRequest('app', { continuationToken: 't', newPassword: '' }),
    ).toThrow(TypeError);
    expect(() => resetPasswordContinueRequest('app', { continuationToken: 't', oob: '' })).toThrow(
      TypeError,
    );
  });
});
