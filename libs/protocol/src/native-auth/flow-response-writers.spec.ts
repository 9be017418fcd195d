import {
  createContinuationResponse,
  createIntrospectResponse,
  createOobChallengeResponse,
  createPasswordChallengeResponse,
  createRedirectResponse,
  createResetPasswordContinueResponse,
  createResetPasswordPollCompletionResponse,
  createResetPasswordSubmitResponse,
  type ResetPasswordPollOptions,
} from './flow-response-writers';
import { CT1, CT2, CT3 } from '../../test/fixtures/native-auth/identities';

// The wire text, so that key order is asserted too.
const wire = (body: unknown) => JSON.stringify(body);

describe('createContinuationResponse and createRedirectResponse', () => {
  it('write the continuation answer and the redirect answer, with its reason when given', () => {
    expect(wire(createContinuationResponse(CT1))).toBe(`{"continuation_token":"${CT1}"}`);
    expect(wire(createRedirectResponse())).toBe('{"challenge_type":"redirect"}');
    expect(wire(createRedirectResponse({ reason: 'Client is missing capability' }))).toBe(
      '{"challenge_type":"redirect","redirect_reason":"Client is missing capability"}',
    );
  });

  it('refuse an empty token or reason', () => {
    expect(() => createContinuationResponse('')).toThrow(TypeError);
    expect(() => createRedirectResponse({ reason: '' })).toThrow(TypeError);
  });
});

describe('createPasswordChallengeResponse', () => {
  it('writes the sign-in example’s password challenge', () => {
    expect(wire(createPasswordChallengeResponse(CT2))).toBe(
      `{"continuation_token":"${CT2}","challenge_type":"password"}`,
    );
  });
});

describe('createOobChallengeResponse', () => {
  it('writes the sign-in example, with the defaults prompt, email and 8', () => {
    expect(
      wire(
        createOobChallengeResponse({ continuationToken: CT2, targetLabel: 'c***r@co**o**o.com' }),
      ),
    ).toBe(
      wire({
        continuation_token: CT2,
        challenge_type: 'oob',
        binding_method: 'prompt',
        challenge_channel: 'email',
        challenge_target_label: 'c***r@co**o**o.com',
        code_length: 8,
      }),
    );
  });

  it('writes the sign-up example, interval first', () => {
    expect(
      wire(
        createOobChallengeResponse({
          continuationToken: CT2,
          targetLabel: 'c***r@co**o**o.com',
          interval: 300,
        }),
      ),
    ).toBe(
      wire({
        interval: 300,
        continuation_token: CT2,
        challenge_type: 'oob',
        binding_method: 'prompt',
        challenge_channel: 'email',
        challenge_target_label: 'c***r@co**o**o.com',
        code_length: 8,
      }),
    );
  });

  it.each([
    { codeLength: 65 },
    { codeLength: 0 },
    { codeLength: -1 },
    { codeLength: 6.5 },
    { interval: -1 },
    { targetLabel: '' },
    { continuationToken: '' },
  ])('refuses %p, which a reader would drop or refuse', (change) => {
    expect(() =>
      createOobChallengeResponse({ continuationToken: CT2, targetLabel: 'c***r', ...change }),
    ).toThrow(TypeError);
  });
});

describe('createIntrospectResponse', () => {
  const method = { id: 'm1', challenge_type: 'oob', challenge_channel: 'email' };

  it('writes the methods with their fields in order, login_hint when given', () => {
    expect(
      wire(
        createIntrospectResponse({
          continuationToken: CT2,
          methods: [{ login_hint: 'c***r@co**o**o.com', ...method }, method],
        }),
      ),
    ).toBe(
      wire({
        continuation_token: CT2,
        methods: [{ ...method, login_hint: 'c***r@co**o**o.com' }, method],
      }),
    );
  });

  it('refuses more than 20 methods, or a method without an id', () => {
    const methods = Array.from({ length: 21 }, (_, i) => ({ ...method, id: `m${i}` }));
    expect(() => createIntrospectResponse({ continuationToken: CT2, methods })).toThrow(TypeError);
    expect(() =>
      createIntrospectResponse({ continuationToken: CT2, methods: [{ ...method, id: '' }] }),
    ).toThrow(TypeError);
  });
});

describe('the password-reset answers', () => {
  it('write continue as the example does: expires_in first, at most 600 seconds', () => {
    expect(
      wire(createResetPasswordContinueResponse({ continuationToken: CT3, expiresIn: 600 })),
    ).toBe(`{"expires_in":600,"continuation_token":"${CT3}"}`);
    for (const expiresIn of [0, 601, 1.5])
      expect(() =>
        createResetPasswordContinueResponse({ continuationToken: CT3, expiresIn }),
      ).toThrow(TypeError);
  });

  it('write submit with a poll interval of 2 seconds unless told otherwise, never 0', () => {
    expect(wire(createResetPasswordSubmitResponse({ continuationToken: CT3 }))).toBe(
      `{"continuation_token":"${CT3}","poll_interval":2}`,
    );
    expect(createResetPasswordSubmitResponse({ continuationToken: CT3, pollInterval: 5 })).toEqual({
      continuation_token: CT3,
      poll_interval: 5,
    });
    expect(() =>
      createResetPasswordSubmitResponse({ continuationToken: CT3, pollInterval: 0 }),
    ).toThrow(TypeError);
  });

  it('write the poll: the token that signs in when succeeded, optional otherwise', () => {
    expect(
      wire(
        createResetPasswordPollCompletionResponse({ status: 'succeeded', continuationToken: CT1 }),
      ),
    ).toBe(`{"status":"succeeded","continuation_token":"${CT1}"}`);
    expect(createResetPasswordPollCompletionResponse({ status: 'in_progress' })).toEqual({
      status: 'in_progress',
    });
    expect(
      createResetPasswordPollCompletionResponse({ status: 'failed', continuationToken: CT3 }),
    ).toEqual({ status: 'failed', continuation_token: CT3 });
  });

  it('refuse a succeeded poll without a token, and a status outside the four', () => {
    const withoutToken = { status: 'succeeded' } as unknown as ResetPasswordPollOptions;
    expect(() => createResetPasswordPollCompletionResponse(withoutToken)).toThrow(TypeError);
    const done = { status: 'done' } as unknown as ResetPasswordPollOptions;
    expect(() => createResetPasswordPollCompletionResponse(done)).toThrow(TypeError);
  });
});
