import {
  DEFAULT_POLL_INTERVAL_SECONDS,
  parseResetPasswordContinueResponse,
  parseResetPasswordPollCompletionResponse,
  parseResetPasswordSubmitResponse,
} from './reset-password-responses';

describe('parseResetPasswordContinueResponse', () => {
  it('keeps a positive expires_in and drops anything else', () => {
    expect(
      parseResetPasswordContinueResponse({ continuation_token: 't', expires_in: 600 }),
    ).toEqual({
      ok: true,
      body: { continuation_token: 't', expires_in: 600 },
    });
    expect(
      parseResetPasswordContinueResponse({ continuation_token: 't', expires_in: '600' }),
    ).toEqual({
      ok: true,
      body: { continuation_token: 't' },
    });
    expect(parseResetPasswordContinueResponse({ expires_in: 600 })).toEqual({
      ok: false,
      problem: 'continuation_token_missing',
    });
  });
});

describe('parseResetPasswordSubmitResponse', () => {
  it.each([
    [2, 2],
    [0.5, 0.5],
    [0, DEFAULT_POLL_INTERVAL_SECONDS],
    [undefined, 2],
    [-3, 2],
    ['5', 2],
    [Infinity, 2],
  ])('reads poll_interval %p as %p', (pollInterval, expected) => {
    expect(
      parseResetPasswordSubmitResponse({ continuation_token: 't', poll_interval: pollInterval }),
    ).toEqual({
      ok: true,
      body: { continuation_token: 't', poll_interval: expected },
    });
  });

  it('requires the continuation token polls are made with', () => {
    expect(parseResetPasswordSubmitResponse({ poll_interval: 2 })).toEqual({
      ok: false,
      problem: 'continuation_token_missing',
    });
  });
});

describe('parseResetPasswordPollCompletionResponse', () => {
  it('keeps a token on the other statuses when there is one', () => {
    expect(
      parseResetPasswordPollCompletionResponse({ status: 'in_progress', continuation_token: 't' }),
    ).toEqual({
      ok: true,
      body: { status: 'in_progress', continuation_token: 't' },
    });
  });

  it('refuses a status outside the four, in any case', () => {
    for (const status of ['Succeeded', 'done', undefined, 1])
      expect(parseResetPasswordPollCompletionResponse({ status, continuation_token: 't' })).toEqual(
        {
          ok: false,
          problem: 'invalid_poll_status',
        },
      );
  });
});
