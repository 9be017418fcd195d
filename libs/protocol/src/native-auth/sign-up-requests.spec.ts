import { encodeNativeAuthBody } from './form-body';
import {
  signUpChallengeRequest,
  signUpContinueRequest,
  signUpStartRequest,
} from './sign-up-requests';

const challengeTypes = ['password', 'oob', 'redirect'] as const;

describe('sign-up request builders', () => {
  it('start: username, password, attributes, challenge_type, capabilities in that order', () => {
    const request = signUpStartRequest('app', {
      username: 'u',
      password: 'p',
      attributes: { displayName: 'Carol' },
      challengeTypes,
      capabilities: ['mfa_required'],
    });
    expect(Object.entries(request)).toEqual([
      ['client_id', 'app'],
      ['username', 'u'],
      ['password', 'p'],
      ['attributes', '{"displayName":"Carol"}'],
      ['challenge_type', 'password oob redirect'],
      ['capabilities', 'mfa_required'],
    ]);
  });

  it('start: leaves out a missing or empty password and missing attributes, but sends {}', () => {
    expect(signUpStartRequest('app', { username: 'u', password: '', challengeTypes })).toEqual({
      client_id: 'app',
      username: 'u',
      challenge_type: 'password oob redirect',
    });
    expect(
      signUpStartRequest('app', { username: 'u', attributes: {}, challengeTypes }).attributes,
    ).toBe('{}');
  });

  it('challenge: continuation_token then challenge_type', () => {
    expect(
      encodeNativeAuthBody(
        signUpChallengeRequest('app', { continuationToken: 't', challengeTypes: ['oob'] }),
      ),
    ).toBe('client_id=app&continuation_token=t&challenge_type=oob+redirect');
  });

  it('continue: grant_type then the code, the password or the attributes', () => {
    expect(
      signUpContinueRequest('app', { continuationToken: 't', grantType: 'oob', oob: '1' }),
    ).toEqual({
      client_id: 'app',
      continuation_token: 't',
      grant_type: 'oob',
      oob: '1',
    });
    expect(
      encodeNativeAuthBody(
        signUpContinueRequest('app', {
          continuationToken: 't',
          grantType: 'password',
          password: 'p',
        }),
      ),
    ).toBe('client_id=app&continuation_token=t&grant_type=password&password=p');
    expect(
      encodeNativeAuthBody(
        signUpContinueRequest('app', {
          continuationToken: 't',
          grantType: 'attributes',
          attributes: { city: 'Oslo' },
        }),
      ),
    ).toBe(
      'client_id=app&continuation_token=t&grant_type=attributes&attributes=%7B%22city%22%3A%22Oslo%22%7D',
    );
  });

  it('refuses an empty code or password at continue', () => {
    expect(() =>
      signUpContinueRequest('app', { continuationToken: 't', grantType: 'oob', oob: '' }),
    ).toThrow(TypeError);
    expect(() =>
      signUpContinueRequest('app', { continuationToken: 't', grantType: 'password', password: '' }),
    ).toThrow(TypeError);
  });
});
