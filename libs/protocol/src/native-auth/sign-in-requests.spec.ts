import { encodeNativeAuthBody } from './form-body';
import {
  signInChallengeRequest,
  signInInitiateRequest,
  signInIntrospectRequest,
} from './sign-in-requests';

const challengeTypes = ['password', 'oob', 'redirect'] as const;

describe('sign-in request builders', () => {
  it('initiate: client_id, username, challenge_type', () => {
    const request = signInInitiateRequest('app', { username: 'carol@contoso.com', challengeTypes });
    expect(encodeNativeAuthBody(request)).toBe(
      'client_id=app&username=carol%40contoso.com&challenge_type=password+oob+redirect',
    );
  });

  it('initiate: capabilities last, space-joined, only when configured', () => {
    const request = signInInitiateRequest('app', {
      username: 'u',
      challengeTypes: ['oob'],
      capabilities: ['mfa_required', 'registration_required'],
    });
    expect(Object.entries(request)).toEqual([
      ['client_id', 'app'],
      ['username', 'u'],
      ['challenge_type', 'oob redirect'],
      ['capabilities', 'mfa_required registration_required'],
    ]);
    expect(
      signInInitiateRequest('app', { username: 'u', challengeTypes, capabilities: [] }),
    ).not.toHaveProperty('capabilities');
  });

  it('challenge: client_id, continuation_token, challenge_type, then id when given', () => {
    expect(
      Object.keys(signInChallengeRequest('app', { continuationToken: 't', challengeTypes })),
    ).toEqual(['client_id', 'continuation_token', 'challenge_type']);
    expect(
      encodeNativeAuthBody(
        signInChallengeRequest('app', { continuationToken: 't', challengeTypes, id: 'm1' }),
      ),
    ).toBe('client_id=app&continuation_token=t&challenge_type=password+oob+redirect&id=m1');
  });

  it('introspect: client_id, continuation_token', () => {
    expect(signInIntrospectRequest('app', { continuationToken: 't' })).toEqual({
      client_id: 'app',
      continuation_token: 't',
    });
  });

  it('refuses an empty client id, username or continuation token before anything is sent', () => {
    expect(() => signInInitiateRequest('', { username: 'u', challengeTypes })).toThrow(TypeError);
    expect(() => signInInitiateRequest('app', { username: '', challengeTypes })).toThrow(
      'username must be a non-empty string',
    );
    expect(() => signInChallengeRequest('app', { continuationToken: '', challengeTypes })).toThrow(
      TypeError,
    );
  });
});
