import { parseChallengeResponse, parseOobChallengeResponse } from './challenge-response';
import { parseContinuationResponse } from './continuation-response';

describe('parseContinuationResponse', () => {
  it('keeps only the continuation token and requires it', () => {
    expect(parseContinuationResponse({ continuation_token: 't', challenge_type: 'oob' })).toEqual({
      ok: true,
      body: { continuation_token: 't' },
    });
    for (const token of [undefined, '', 42, null])
      expect(parseContinuationResponse({ continuation_token: token })).toEqual({
        ok: false,
        problem: 'continuation_token_missing',
      });
  });
});

describe('parseChallengeResponse', () => {
  it('drops display fields of the wrong type and keeps the rest', () => {
    expect(
      parseChallengeResponse({
        continuation_token: 't',
        challenge_type: 'oob',
        binding_method: 7,
        challenge_channel: 'email',
        code_length: '8',
        interval: -1,
      }),
    ).toEqual({
      ok: true,
      body: { challenge_type: 'oob', continuation_token: 't', challenge_channel: 'email' },
    });
  });

  it('drops a code length no code has', () => {
    const parsed = parseChallengeResponse({
      continuation_token: 't',
      challenge_type: 'oob',
      code_length: 1e9,
    });
    expect(parsed.ok && parsed.body).toEqual({ challenge_type: 'oob', continuation_token: 't' });
  });

  it('needs a token and a challenge type it can go on with', () => {
    expect(parseChallengeResponse({ challenge_type: 'password' })).toEqual({
      ok: false,
      problem: 'continuation_token_missing',
    });
    for (const type of ['preverified', 'PASSWORD', undefined])
      expect(parseChallengeResponse({ continuation_token: 't', challenge_type: type })).toEqual({
        ok: false,
        problem: 'unsupported_challenge_type',
      });
  });
});

describe('parseOobChallengeResponse', () => {
  it('takes oob only, as MSAL’s password reset does', () => {
    expect(parseOobChallengeResponse({ continuation_token: 't', challenge_type: 'oob' }).ok).toBe(
      true,
    );
    expect(
      parseOobChallengeResponse({ continuation_token: 't', challenge_type: 'password' }),
    ).toEqual({
      ok: false,
      problem: 'unsupported_challenge_type',
    });
    expect(parseOobChallengeResponse({})).toEqual({
      ok: false,
      problem: 'continuation_token_missing',
    });
  });
});
