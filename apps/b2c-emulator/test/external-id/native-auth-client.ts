/**
 * A small native-authentication client for the emulator's External ID tests: bodies built with the
 * protocol library's builders (MSAL's keys, in MSAL's order), answers read with its parsers and
 * classifier, and every secret sent or received remembered so that a test can look for it in the
 * emulator's output.
 */
import {
  NATIVE_AUTH_ENDPOINTS,
  NATIVE_AUTH_RESPONSE_PARSERS,
  classifyNativeAuthError,
  encodeNativeAuthBody,
  interpretNativeAuthAnswer,
  resetPasswordChallengeRequest,
  resetPasswordContinueRequest,
  resetPasswordPollCompletionRequest,
  resetPasswordStartRequest,
  resetPasswordSubmitRequest,
  signInChallengeRequest,
  signInContinuationTokenRequest,
  signInInitiateRequest,
  signInOobTokenRequest,
  signInPasswordTokenRequest,
  signUpChallengeRequest,
  signUpContinueRequest,
  signUpStartRequest,
  type ChallengeType,
  type NativeAuthEndpoint,
  type NativeAuthError,
  type NativeAuthErrorKind,
  type NativeAuthOutcome,
  type NativeAuthSuccessBodies,
  type NativeAuthTokenResponse,
  type UserAttributes,
} from '@ropc/protocol/native-auth';
import { join } from 'node:path';
import { ADMIN_KEY, type RunningEmulator } from '../start-emulator';

/** The v2 tenant file of these tests: a copy of the bundled default's two tenants. */
export const EXTERNAL_ID_TENANT_FILE = join(__dirname, '..', 'fixtures', 'two-kind-tenant.json');
/** The External ID tenant alone, smart lockout at 3 and a small per-IP limit. */
export const PROTECTION_TENANT_FILE = join(
  __dirname,
  '..',
  'fixtures',
  'external-id-protection-tenant.json',
);
/** The External ID tenant alone with every fidelity switch away from its default. */
export const FIDELITY_TENANT_FILE = join(
  __dirname,
  '..',
  'fixtures',
  'external-id-fidelity-tenant.json',
);

export const EXTERNAL_TENANT = 'contosoid.onmicrosoft.com';
export const EXTERNAL_TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
/** contoso-notes-spa: e-mail and password, sign-up on, displayName required, city optional. */
export const SPA_CLIENT_ID = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
/** contoso-notes-otp: e-mail one-time code. */
export const OTP_CLIENT_ID = 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47';
/** notes-api: a confidential API registration, native authentication off. */
export const NOTES_API_ID = 'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28';
export const NOTES_READ = `api://${NOTES_API_ID}/notes.read`;
export const NOTES_WRITE = `api://${NOTES_API_ID}/notes.write`;

export const ALICE = {
  username: 'alice@contoso.com',
  password: 'Alice-Passw0rd!',
  id: '5f0c2a7e-9b13-4d6a-8e21-3c7b9a4d1e58',
  name: 'Alice Contoso',
};
export const BOB = {
  username: 'bob@contoso.com',
  password: 'Bob-Passw0rd!',
  id: '8a3e6d1b-2c4f-4b97-a5e0-7d9c1f3b6a24',
  name: 'Bob Contoso',
};
/** E-mail one-time code only: no password. */
export const CAROL = {
  username: 'carol@contoso.com',
  id: 'c1d9f4a2-7e3b-4a68-9b05-2f6e8d4c7a13',
  name: 'Carol Contoso',
};

/** What an e-mail-and-password app and an e-mail-code app declare, as MSAL sends them. */
export const PASSWORD_APP_TYPES: readonly ChallengeType[] = ['password', 'oob', 'redirect'];
export const OTP_APP_TYPES: readonly ChallengeType[] = ['oob', 'redirect'];

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An answer as the tests look at it: raw, and as the library's interpreter reads it. */
export interface NativeAuthReply<E extends NativeAuthEndpoint> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON ({} when it is not JSON). */
  readonly json: Record<string, unknown>;
  readonly outcome: NativeAuthOutcome<NativeAuthSuccessBodies[E]>;
}

/** An error answer, read and classified. */
export interface ReadError {
  readonly error: NativeAuthError;
  readonly kind: NativeAuthErrorKind;
  readonly json: Record<string, unknown>;
  readonly headers: Headers;
  readonly status: number;
}

/** Request fields and answer fields that are secrets: none may reach the emulator's log. */
const SECRET_FIELDS = [
  'password',
  'new_password',
  'oob',
  'continuation_token',
  'refresh_token',
  'access_token',
  'id_token',
];

function parseJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The success body, or a failure that shows what came instead. */
export function expectSuccess<E extends NativeAuthEndpoint>(
  reply: NativeAuthReply<E>,
): NativeAuthSuccessBodies[E] {
  if (reply.outcome.kind !== 'success')
    throw new Error(`expected success, got ${String(reply.status)} ${reply.text}`);
  expect(reply.status).toBe(200);
  return reply.outcome.body;
}

/** The answer is the redirect answer: 200 `{"challenge_type":"redirect"}` and nothing else. */
export function expectRedirect(reply: NativeAuthReply<NativeAuthEndpoint>): void {
  expect(reply.outcome.kind).toBe('redirect');
  expect(reply.status).toBe(200);
  expect(reply.json).toEqual({ challenge_type: 'redirect' });
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/;

/**
 * An error answer in the native-auth envelope (docs/entra-native-auth-protocol.md §2.5), checked
 * field by field: `error`, `error_description` (`AADSTS{n}: ` first when there is a number, then
 * the trace lines), `error_codes` of numbers, `timestamp`, `trace_id` (the `x-ms-request-id`),
 * `correlation_id`, and the answer's `Cache-Control: no-store`.
 */
export function expectError(reply: NativeAuthReply<NativeAuthEndpoint>): ReadError {
  if (reply.outcome.kind !== 'error')
    throw new Error(`expected an error, got ${String(reply.status)} ${reply.text}`);
  const { json, headers } = reply;
  expect(typeof json['error']).toBe('string');
  expect(typeof json['error_description']).toBe('string');
  expect(Array.isArray(json['error_codes'])).toBe(true);
  const codes = json['error_codes'] as unknown[];
  expect(codes.every((code) => typeof code === 'number')).toBe(true);
  expect(json['timestamp']).toMatch(TIMESTAMP);
  expect(json['trace_id']).toMatch(GUID);
  expect(json['correlation_id']).toMatch(GUID);
  const description = json['error_description'] as string;
  if (codes.length > 0) expect(description.startsWith(`AADSTS${String(codes[0])}: `)).toBe(true);
  expect(description).toContain(`Trace ID: ${String(json['trace_id'])}`);
  expect(description).toContain(`Correlation ID: ${String(json['correlation_id'])}`);
  expect(headers.get('cache-control')).toBe('no-store');
  expect(headers.get('x-ms-request-id')).toBe(json['trace_id']);
  expect(headers.get('content-type')).toMatch(/^application\/json/);
  const { error } = reply.outcome;
  return { error, kind: classifyNativeAuthError(error), json, headers, status: reply.status };
}

/** `{ error, suberror?, codes }` of an error answer, for one exact comparison. */
export function errorSummary(read: ReadError): {
  status: number;
  error: string;
  suberror?: string;
  codes: readonly number[];
  kind: NativeAuthErrorKind;
} {
  return {
    status: read.status,
    error: read.error.error,
    ...(read.error.suberror === undefined ? {} : { suberror: read.error.suberror }),
    codes: read.error.errorCodes,
    kind: read.kind,
  };
}

/** A message of the emulator's outbox. */
export interface OutboxMessage {
  readonly to: string;
  readonly code: string;
  readonly purpose: string;
  readonly sentAt: string;
}

/** Native authentication against one tenant of a running emulator. */
export class NativeAuthTestClient {
  /** Every password, code and token sent or received. */
  readonly secrets = new Set<string>();

  constructor(
    readonly emulator: RunningEmulator,
    readonly tenant: string = EXTERNAL_TENANT,
    /** Headers sent with every call (an `X-Forwarded-For` naming the client, say). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}

  /** `{origin}/{tenant}/{path}`. */
  url(endpoint: NativeAuthEndpoint, tenant: string = this.tenant): string {
    return `${this.emulator.url}/${tenant}/${NATIVE_AUTH_ENDPOINTS[endpoint]}`;
  }

  /** Remembers the secrets of a body: request fields and answer fields alike. */
  private remember(fields: Readonly<Record<string, unknown>>): void {
    for (const name of SECRET_FIELDS) {
      const value = fields[name];
      if (typeof value === 'string' && value !== '') this.secrets.add(value);
    }
  }

  /** Posts a library-built body to an endpoint and reads the answer as MSAL would. */
  async call<E extends NativeAuthEndpoint>(
    endpoint: E,
    body: object,
    options: { readonly headers?: Record<string, string>; readonly tenant?: string } = {},
  ): Promise<NativeAuthReply<E>> {
    this.remember(body as Record<string, unknown>);
    return this.send(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        ...this.headers,
        ...options.headers,
      },
      body: encodeNativeAuthBody(body),
      tenant: options.tenant,
    });
  }

  /** Sends anything to an endpoint (another method, another body) and reads the answer. */
  async send<E extends NativeAuthEndpoint>(
    endpoint: E,
    init: RequestInit & { readonly tenant?: string | undefined },
  ): Promise<NativeAuthReply<E>> {
    const { tenant, ...request } = init;
    const response = await fetch(this.url(endpoint, tenant), request);
    const text = await response.text();
    const json = parseJson(text);
    this.remember(json);
    const requestId = response.headers.get('x-ms-request-id') ?? undefined;
    const retryAfter = response.headers.get('retry-after');
    const outcome = interpretNativeAuthAnswer(
      {
        status: response.status,
        text,
        ...(requestId === undefined ? {} : { requestId }),
        ...(retryAfter === null ? {} : { retryAfterSeconds: Number(retryAfter) }),
      },
      NATIVE_AUTH_RESPONSE_PARSERS[endpoint],
    );
    return { status: response.status, headers: response.headers, text, json, outcome };
  }

  /** The outbox's messages to an address, newest first. */
  async outbox(to: string): Promise<OutboxMessage[]> {
    const response = await fetch(
      `${this.emulator.url}/.emulator/outbox?to=${encodeURIComponent(to)}`,
      { headers: { Authorization: `Bearer ${ADMIN_KEY}` } },
    );
    expect(response.status).toBe(200);
    const { messages } = (await response.json()) as { messages: OutboxMessage[] };
    for (const message of messages) this.secrets.add(message.code);
    return messages;
  }

  /** The newest code sent to `to`, which must have been sent for `purpose`. */
  async latestCode(to: string, purpose: 'sign-in' | 'sign-up' | 'password-reset'): Promise<string> {
    const [newest] = await this.outbox(to);
    if (!newest) throw new Error(`no code was sent to ${to}`);
    expect(newest.purpose).toBe(purpose);
    expect(newest.code).toMatch(/^\d{8}$/);
    return newest.code;
  }

  // Sign-in.

  initiate(clientId: string, username: string, types: readonly ChallengeType[]) {
    return this.call(
      'signInInitiate',
      signInInitiateRequest(clientId, { username, challengeTypes: types }),
    );
  }

  challenge(clientId: string, continuationToken: string, types: readonly ChallengeType[]) {
    return this.call(
      'signInChallenge',
      signInChallengeRequest(clientId, { continuationToken, challengeTypes: types }),
    );
  }

  passwordGrant(clientId: string, continuationToken: string, password: string, scopes?: string[]) {
    return this.call(
      'token',
      signInPasswordTokenRequest(clientId, {
        continuationToken,
        password,
        ...(scopes === undefined ? {} : { scopes }),
      }),
    );
  }

  oobGrant(clientId: string, continuationToken: string, oob: string, scopes?: string[]) {
    return this.call(
      'token',
      signInOobTokenRequest(clientId, {
        continuationToken,
        oob,
        ...(scopes === undefined ? {} : { scopes }),
      }),
    );
  }

  continuationGrant(
    clientId: string,
    continuationToken: string,
    username?: string,
    scopes?: string[],
  ) {
    return this.call(
      'token',
      signInContinuationTokenRequest(clientId, {
        continuationToken,
        ...(username === undefined ? {} : { username }),
        ...(scopes === undefined ? {} : { scopes }),
      }),
    );
  }

  /** Initiate and challenge of a password user: the token the password grant takes. */
  async passwordChallengeToken(
    clientId: string,
    username: string,
    types: readonly ChallengeType[] = PASSWORD_APP_TYPES,
  ): Promise<string> {
    const initiated = expectSuccess(await this.initiate(clientId, username, types));
    const challenged = expectSuccess(
      await this.challenge(clientId, initiated.continuation_token, types),
    );
    expect(challenged.challenge_type).toBe('password');
    return challenged.continuation_token;
  }

  /** A whole password sign-in. */
  async signInWithPassword(
    clientId: string,
    username: string,
    password: string,
    scopes: string[] = ['openid', 'profile', 'offline_access', NOTES_READ],
  ): Promise<NativeAuthTokenResponse> {
    const token = await this.passwordChallengeToken(clientId, username);
    return expectSuccess(await this.passwordGrant(clientId, token, password, scopes));
  }

  /** Initiate and challenge of a code sign-in: the token the oob grant takes, and the code. */
  async codeChallenge(
    clientId: string,
    username: string,
    types: readonly ChallengeType[] = OTP_APP_TYPES,
  ): Promise<{ token: string; code: string; body: NativeAuthSuccessBodies['signInChallenge'] }> {
    const initiated = expectSuccess(await this.initiate(clientId, username, types));
    const body = expectSuccess(await this.challenge(clientId, initiated.continuation_token, types));
    expect(body.challenge_type).toBe('oob');
    return {
      token: body.continuation_token,
      code: await this.latestCode(username, 'sign-in'),
      body,
    };
  }

  // Sign-up.

  signUpStart(
    clientId: string,
    username: string,
    options: {
      readonly password?: string;
      readonly attributes?: UserAttributes;
      readonly types?: readonly ChallengeType[];
    } = {},
  ) {
    return this.call(
      'signUpStart',
      signUpStartRequest(clientId, {
        username,
        challengeTypes: options.types ?? PASSWORD_APP_TYPES,
        ...(options.password === undefined ? {} : { password: options.password }),
        ...(options.attributes === undefined ? {} : { attributes: options.attributes }),
      }),
    );
  }

  signUpChallenge(
    clientId: string,
    continuationToken: string,
    types: readonly ChallengeType[] = PASSWORD_APP_TYPES,
  ) {
    return this.call(
      'signUpChallenge',
      signUpChallengeRequest(clientId, { continuationToken, challengeTypes: types }),
    );
  }

  signUpContinueCode(clientId: string, continuationToken: string, oob: string) {
    return this.call(
      'signUpContinue',
      signUpContinueRequest(clientId, { continuationToken, grantType: 'oob', oob }),
    );
  }

  signUpContinuePassword(clientId: string, continuationToken: string, password: string) {
    return this.call(
      'signUpContinue',
      signUpContinueRequest(clientId, { continuationToken, grantType: 'password', password }),
    );
  }

  signUpContinueAttributes(
    clientId: string,
    continuationToken: string,
    attributes: UserAttributes,
  ) {
    return this.call(
      'signUpContinue',
      signUpContinueRequest(clientId, { continuationToken, grantType: 'attributes', attributes }),
    );
  }

  /** Start and challenge of a sign-up: the token `continue` takes, and the code sent. */
  async signUpToCode(
    clientId: string,
    username: string,
    options: Parameters<NativeAuthTestClient['signUpStart']>[2] = {},
  ): Promise<{ token: string; code: string; body: NativeAuthSuccessBodies['signUpChallenge'] }> {
    const started = expectSuccess(await this.signUpStart(clientId, username, options));
    const body = expectSuccess(
      await this.signUpChallenge(clientId, started.continuation_token, options.types),
    );
    expect(body.challenge_type).toBe('oob');
    return {
      token: body.continuation_token,
      code: await this.latestCode(username, 'sign-up'),
      body,
    };
  }

  // Password reset.

  resetStart(clientId: string, username: string, types: readonly ChallengeType[] = OTP_APP_TYPES) {
    return this.call(
      'resetPasswordStart',
      resetPasswordStartRequest(clientId, { username, challengeTypes: types }),
    );
  }

  resetChallenge(
    clientId: string,
    continuationToken: string,
    types: readonly ChallengeType[] = OTP_APP_TYPES,
  ) {
    return this.call(
      'resetPasswordChallenge',
      resetPasswordChallengeRequest(clientId, { continuationToken, challengeTypes: types }),
    );
  }

  resetContinue(clientId: string, continuationToken: string, oob: string) {
    return this.call(
      'resetPasswordContinue',
      resetPasswordContinueRequest(clientId, { continuationToken, oob }),
    );
  }

  resetSubmit(clientId: string, continuationToken: string, newPassword: string) {
    return this.call(
      'resetPasswordSubmit',
      resetPasswordSubmitRequest(clientId, { continuationToken, newPassword }),
    );
  }

  resetPoll(clientId: string, continuationToken: string) {
    return this.call(
      'resetPasswordPollCompletion',
      resetPasswordPollCompletionRequest(clientId, { continuationToken }),
    );
  }

  /** Start, challenge and continue of a reset: the token `submit` takes. */
  async resetToSubmit(clientId: string, username: string): Promise<string> {
    const started = expectSuccess(await this.resetStart(clientId, username));
    const challenged = expectSuccess(
      await this.resetChallenge(clientId, started.continuation_token),
    );
    const code = await this.latestCode(username, 'password-reset');
    return expectSuccess(await this.resetContinue(clientId, challenged.continuation_token, code))
      .continuation_token;
  }

  /** A whole reset: submit, then poll until `succeeded`; the token that signs in. */
  async resetPassword(clientId: string, username: string, newPassword: string): Promise<string> {
    const submitToken = await this.resetToSubmit(clientId, username);
    const submitted = expectSuccess(await this.resetSubmit(clientId, submitToken, newPassword));
    for (let poll = 0; poll < 10; poll++) {
      const body = expectSuccess(await this.resetPoll(clientId, submitted.continuation_token));
      if (body.status === 'succeeded') return body.continuation_token;
      expect(body.status).toBe('in_progress');
    }
    throw new Error('the reset never succeeded');
  }

  /** The secrets of this client found in the emulator's output. */
  leakedSecrets(): string[] {
    const output = this.emulator.output();
    return [...this.secrets].filter((secret) => output.includes(secret));
  }
}

/** Decodes a JWT's payload without checking it (the JWKS tests check signatures). */
export function jwtPayload(token: string): Record<string, unknown> {
  const [, payload = ''] = token.split('.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Moves the emulator's clock (every time rule) by `offsetSeconds` from real time. */
export async function setClock(emulator: RunningEmulator, offsetSeconds: number): Promise<void> {
  const response = await emulator.admin('POST', '/.emulator/clock', { offsetSeconds });
  expect(response.status).toBe(200);
}

/** Resets every tenant to the tenant file and the clock to real time. */
export async function resetEmulator(emulator: RunningEmulator): Promise<void> {
  expect((await emulator.admin('POST', '/.emulator/reset')).status).toBe(204);
}
