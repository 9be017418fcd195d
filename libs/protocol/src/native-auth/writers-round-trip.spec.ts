// The server side read back by the client side: every error of the table and every success
// writer, sent as an HTTP answer, must come out of this library's own outcome step, endpoint
// checks and classifier as what it was written to be — so the emulator and the client cannot
// drift. MSAL's extra demands on a few errors are checked as MSAL states them.
import { classifyNativeAuthFailure } from './classify-error';
import type { NativeAuthErrorDetails } from './error-body-writer';
import type { NativeAuthEndpoint } from './endpoints';
import {
  createContinuationResponse,
  createIntrospectResponse,
  createOobChallengeResponse,
  createPasswordChallengeResponse,
  createRedirectResponse,
  createResetPasswordContinueResponse,
  createResetPasswordPollCompletionResponse,
  createResetPasswordSubmitResponse,
} from './flow-response-writers';
import { maskEmailAddress } from './mask-email-address';
import { createNativeAuthClient } from './native-auth-client';
import type { NativeAuthError } from './native-auth-error';
import {
  NATIVE_AUTH_ERRORS,
  nativeAuthError,
  type NativeAuthErrorEntry,
  type NativeAuthErrorName,
} from './native-auth-errors';
import { processNativeAuthResponse } from './native-auth-outcome';
import { NATIVE_AUTH_RESPONSE_PARSERS, type NativeAuthSuccessBodies } from './response-parsers';
import type { SuccessParser } from './response-problem';
import { createNativeAuthTokenResponse } from './token-response-writer';
import * as id from '../../test/fixtures/native-auth/identities';

const ids = { traceId: id.TRACE_ID, correlationId: id.CORRELATION_ID, timestamp: new Date(0) };
const answer = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
const processAs = <E extends NativeAuthEndpoint>(endpoint: E, response: Response) =>
  processNativeAuthResponse(
    response,
    NATIVE_AUTH_RESPONSE_PARSERS[endpoint] as SuccessParser<NativeAuthSuccessBodies[E]>,
  );

const DETAILS: Required<NativeAuthErrorDetails> = {
  continuationToken: id.CT3,
  requiredAttributes: [
    { name: 'postalCode', type: 'string', required: true, options: { regex: '^[1-9][0-9]*$' } },
  ],
  invalidAttributes: [{ name: 'postalCode', reason: 'format' }],
  unverifiedAttributes: [{ name: 'email' }],
};
const detailsOf = (entry: NativeAuthErrorEntry) =>
  Object.fromEntries((entry.requires ?? []).map((detail) => [detail, DETAILS[detail]]));
const entries = Object.entries(NATIVE_AUTH_ERRORS) as [NativeAuthErrorName, NativeAuthErrorEntry][];

/** What MSAL itself tests before it takes these paths (AuthFlowErrorBase.ts, SignUpClient.ts). */
const MSAL_DEMANDS: Partial<Record<NativeAuthErrorName, (error: NativeAuthError) => boolean>> = {
  invalid_username: (e) =>
    e.description.includes('username parameter is empty or not valid') &&
    e.errorCodes.includes(90100),
  unknown_challenge_type: (e) =>
    e.error === 'invalid_request' &&
    e.description.includes(
      'The challenge_type list parameter contains an unsupported challenge type',
    ),
  redirect_missing: (e) => e.error === 'unsupported_challenge_type',
  invalid_password: (e) => e.error === 'invalid_grant' && e.errorCodes.includes(50126),
  invalid_code: (e) => e.error === 'invalid_grant' && e.suberror === 'invalid_oob_value',
  credential_required: (e) => e.errorCodes.includes(55103) && e.continuationToken !== undefined,
  attributes_required: (e) =>
    (e.requiredAttributes?.length ?? 0) > 0 && e.continuationToken !== undefined,
  attribute_validation_failed: (e) =>
    e.error === 'invalid_grant' && e.suberror === 'attribute_validation_failed',
};

describe('every error of NATIVE_AUTH_ERRORS, read back', () => {
  it.each(entries)(
    '%s parses to the fields written and classifies as its kind',
    async (name, entry) => {
      const body = nativeAuthError(name, { ...ids, ...detailsOf(entry) });
      const outcome = await processAs('token', answer(body, entry.status));
      expect(outcome).toEqual({
        kind: 'error',
        error: {
          status: entry.status,
          error: entry.error,
          ...(entry.suberror === undefined ? {} : { suberror: entry.suberror }),
          errorCodes: [...entry.codes],
          description: body.error_description,
          traceId: id.TRACE_ID,
          correlationId: id.CORRELATION_ID,
          timestamp: '1970-01-01 00:00:00Z',
          ...Object.fromEntries((entry.requires ?? []).map((detail) => [detail, DETAILS[detail]])),
        },
      });
      if (outcome.kind !== 'error') throw new Error('not an error outcome');
      expect(classifyNativeAuthFailure(outcome)).toBe(entry.kind);
      expect(MSAL_DEMANDS[name]?.(outcome.error) ?? true).toBe(true);
    },
  );
});

const methods = [
  { id: 'm1', challenge_type: 'oob', challenge_channel: 'email', login_hint: 'c***r@co**o**o.com' },
];
const targetLabel = maskEmailAddress('contoso-consumer@contoso.com');
const tokens = createNativeAuthTokenResponse({
  accessToken: id.ACCESS_TOKEN,
  refreshToken: id.REFRESH_TOKEN,
  idToken: id.ID_TOKEN,
  clientInfo: { uid: id.USER_OBJECT_ID, utid: id.TENANT_ID },
  scope: 'openid profile offline_access',
  expiresIn: 3600,
  extExpiresIn: 3600,
});

/** What each endpoint's writer answers; the type makes every endpoint appear. */
const WRITTEN: { readonly [E in NativeAuthEndpoint]: readonly NativeAuthSuccessBodies[E][] } = {
  signInInitiate: [createContinuationResponse(id.CT1)],
  signInChallenge: [
    createPasswordChallengeResponse(id.CT2),
    createOobChallengeResponse({ continuationToken: id.CT2, targetLabel }),
  ],
  token: [tokens, { ...tokens, refresh_token_expires_in: 86_400 }],
  signInIntrospect: [createIntrospectResponse({ continuationToken: id.CT2, methods })],
  signUpStart: [createContinuationResponse(id.CT1)],
  signUpChallenge: [
    createOobChallengeResponse({ continuationToken: id.CT2, targetLabel, interval: 300 }),
    createPasswordChallengeResponse(id.CT3),
  ],
  signUpContinue: [createContinuationResponse(id.CT4)],
  resetPasswordStart: [createContinuationResponse(id.CT1)],
  resetPasswordChallenge: [createOobChallengeResponse({ continuationToken: id.CT2, targetLabel })],
  resetPasswordContinue: [
    createResetPasswordContinueResponse({ continuationToken: id.CT3, expiresIn: 600 }),
  ],
  resetPasswordSubmit: [createResetPasswordSubmitResponse({ continuationToken: id.CT3 })],
  resetPasswordPollCompletion: [
    createResetPasswordPollCompletionResponse({ status: 'succeeded', continuationToken: id.CT1 }),
    createResetPasswordPollCompletionResponse({ status: 'in_progress' }),
    createResetPasswordPollCompletionResponse({ status: 'not_started', continuationToken: id.CT3 }),
    createResetPasswordPollCompletionResponse({ status: 'failed' }),
  ],
};
const endpoints = Object.keys(WRITTEN) as NativeAuthEndpoint[];
const successes = endpoints.flatMap((endpoint) =>
  WRITTEN[endpoint].map((body) => [endpoint, Object.keys(body).join(', '), body] as const),
);

describe('every success writer, read back', () => {
  it('covers every endpoint with a check', () => {
    expect(endpoints.sort()).toEqual(Object.keys(NATIVE_AUTH_RESPONSE_PARSERS).sort());
  });

  it.each(successes)('%s accepts { %s } as written', async (endpoint, _, body) => {
    expect(await processAs(endpoint, answer(body))).toEqual({ kind: 'success', body });
  });

  it.each(endpoints)(
    '%s reads the redirect answer as a redirect, with its reason',
    async (endpoint) => {
      expect(await processAs(endpoint, answer(createRedirectResponse()))).toEqual({
        kind: 'redirect',
      });
      const reason = 'Client is missing registration_required capability';
      expect(await processAs(endpoint, answer(createRedirectResponse({ reason })))).toEqual({
        kind: 'redirect',
        reason,
      });
    },
  );
});

describe('a sign-up answered by the writers, through the client', () => {
  it('goes from start to tokens across credential_required and attributes_required', async () => {
    const queue = [
      answer(createContinuationResponse(id.CT1)),
      answer(createOobChallengeResponse({ continuationToken: id.CT2, targetLabel, interval: 300 })),
      answer(nativeAuthError('credential_required', { ...ids, continuationToken: id.CT3 }), 400),
      answer(createPasswordChallengeResponse(id.CT4)),
      answer(nativeAuthError('attributes_required', { ...ids, ...DETAILS }), 400),
      answer(createContinuationResponse(id.CT5)),
      answer(tokens),
    ];
    const fetch = (() => Promise.resolve(queue.shift())) as unknown as typeof globalThis.fetch;
    const client = createNativeAuthClient({
      baseUrl: id.PROXY_URL,
      clientId: id.CLIENT_ID,
      challengeTypes: ['password', 'oob'],
      fetch,
    });
    const kinds: string[] = [];
    const note = <T extends { kind: string }>(outcome: T) => (kinds.push(outcome.kind), outcome);

    note(await client.signUpStart({ username: id.USERNAME }));
    note(await client.signUpChallenge({ continuationToken: id.CT1 }));
    const needsPassword = note(
      await client.signUpContinue({ continuationToken: id.CT2, grantType: 'oob', oob: id.CODE }),
    );
    if (needsPassword.kind !== 'error') throw new Error('credential_required expected');
    expect(classifyNativeAuthFailure(needsPassword)).toBe('credential_required');
    const challenge = note(
      await client.signUpChallenge({ continuationToken: needsPassword.error.continuationToken! }),
    );
    expect(challenge).toMatchObject({ kind: 'success', body: { challenge_type: 'password' } });
    const needsAttributes = note(
      await client.signUpContinue({
        continuationToken: id.CT4,
        grantType: 'password',
        password: id.PASSWORD,
      }),
    );
    if (needsAttributes.kind !== 'error') throw new Error('attributes_required expected');
    expect(needsAttributes.error.requiredAttributes).toEqual(DETAILS.requiredAttributes);
    note(
      await client.signUpContinue({
        continuationToken: needsAttributes.error.continuationToken!,
        grantType: 'attributes',
        attributes: { postalCode: '98052' },
      }),
    );
    const signedIn = note(await client.continuationTokenGrant({ continuationToken: id.CT5 }));
    expect(signedIn).toEqual({ kind: 'success', body: tokens });
    expect(kinds).toEqual([
      'success',
      'success',
      'error',
      'success',
      'error',
      'success',
      'success',
    ]);
  });
});
