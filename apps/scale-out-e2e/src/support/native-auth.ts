/**
 * Native authentication (Entra External ID) against one base URL of the scaled-out emulator: an
 * instance or the public URL. Bodies come from the protocol library's builders, answers are read
 * with its interpreter; trimmed from the emulator's own test client
 * (apps/b2c-emulator/test/external-id/native-auth-client.ts).
 */
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import {
  NATIVE_AUTH_ENDPOINTS,
  NATIVE_AUTH_RESPONSE_PARSERS,
  encodeNativeAuthBody,
  interpretNativeAuthAnswer,
  nativeAuthRefreshTokenRequest,
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
  type NativeAuthOutcome,
  type NativeAuthSuccessBodies,
  type SignUpContinueGrant,
} from '@ropc/protocol/native-auth';
import { ADMIN_KEY } from './scale-out-stack';

export const EXTERNAL_TENANT = 'contosoid.onmicrosoft.com';
export const EXTERNAL_TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
/** contoso-notes-spa: e-mail and password, sign-up on, displayName required. */
export const SPA_CLIENT_ID = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
/** contoso-notes-otp: e-mail one-time code. */
export const OTP_CLIENT_ID = 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47';
export const NOTES_API_ID = 'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28';
export const NOTES_READ = `api://${NOTES_API_ID}/notes.read`;
/** E-mail one-time code only: no password. */
export const CAROL = { username: 'carol@contoso.com', id: 'c1d9f4a2-7e3b-4a68-9b05-2f6e8d4c7a13' };
/** The External ID tenant's smart lockout threshold in the tenant file. */
export const LOCKOUT_THRESHOLD = 10;

/** What an e-mail-and-password app and an e-mail-code app declare, as MSAL sends them. */
export const PASSWORD_APP_TYPES: readonly ChallengeType[] = ['password', 'oob', 'redirect'];
export const OTP_APP_TYPES: readonly ChallengeType[] = ['oob', 'redirect'];
export const SCOPES = ['openid', 'profile', 'offline_access', NOTES_READ];

/** An answer: status, headers, the JSON body and the library's reading of it. */
export interface NativeAuthReply<E extends NativeAuthEndpoint> {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
  readonly outcome: NativeAuthOutcome<NativeAuthSuccessBodies[E]>;
}

/** The success body, or a failure that shows what came instead. */
export function success<E extends NativeAuthEndpoint>(
  reply: NativeAuthReply<E>,
): NativeAuthSuccessBodies[E] {
  if (reply.outcome.kind !== 'success' || reply.status !== 200)
    throw new Error(`expected success, got ${String(reply.status)} ${JSON.stringify(reply.json)}`);
  return reply.outcome.body;
}

/** `{ status, error, codes }` of an answer, for one exact comparison. */
export function errorOf(reply: NativeAuthReply<NativeAuthEndpoint>): {
  status: number;
  error: unknown;
  codes: unknown;
} {
  return { status: reply.status, error: reply.json['error'], codes: reply.json['error_codes'] };
}

/** A message of the emulator's outbox. */
export interface OutboxMessage {
  readonly to: string;
  readonly code: string;
  readonly purpose: string;
  readonly sentAt: string;
}

/** Native authentication against the External ID tenant at `base` (an instance or the public URL). */
export class NativeAuth {
  constructor(readonly base: string) {}

  /** Posts a library-built body to an endpoint and reads the answer as MSAL would. */
  async call<E extends NativeAuthEndpoint>(endpoint: E, body: object): Promise<NativeAuthReply<E>> {
    const response = await fetch(
      `${this.base}/${EXTERNAL_TENANT}/${NATIVE_AUTH_ENDPOINTS[endpoint]}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: encodeNativeAuthBody(body),
      },
    );
    const text = await response.text();
    const retryAfter = response.headers.get('retry-after');
    const outcome = interpretNativeAuthAnswer(
      {
        status: response.status,
        text,
        ...(retryAfter === null ? {} : { retryAfterSeconds: Number(retryAfter) }),
      },
      NATIVE_AUTH_RESPONSE_PARSERS[endpoint],
    );
    const json = text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {};
    return { status: response.status, headers: response.headers, json, outcome };
  }

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

  passwordGrant(continuationToken: string, password: string) {
    return this.call(
      'token',
      signInPasswordTokenRequest(SPA_CLIENT_ID, { continuationToken, password, scopes: SCOPES }),
    );
  }

  oobGrant(clientId: string, continuationToken: string, oob: string) {
    return this.call(
      'token',
      signInOobTokenRequest(clientId, { continuationToken, oob, scopes: SCOPES }),
    );
  }

  continuationGrant(continuationToken: string, username: string) {
    return this.call(
      'token',
      signInContinuationTokenRequest(SPA_CLIENT_ID, {
        continuationToken,
        username,
        scopes: SCOPES,
      }),
    );
  }

  refresh(refreshToken: string) {
    return this.call(
      'token',
      nativeAuthRefreshTokenRequest(SPA_CLIENT_ID, { refreshToken, scopes: [NOTES_READ] }),
    );
  }

  signUpStart(username: string) {
    return this.call(
      'signUpStart',
      signUpStartRequest(SPA_CLIENT_ID, { username, challengeTypes: PASSWORD_APP_TYPES }),
    );
  }

  signUpChallenge(continuationToken: string) {
    return this.call(
      'signUpChallenge',
      signUpChallengeRequest(SPA_CLIENT_ID, {
        continuationToken,
        challengeTypes: PASSWORD_APP_TYPES,
      }),
    );
  }

  signUpContinue(continuationToken: string, grant: SignUpContinueGrant) {
    return this.call(
      'signUpContinue',
      signUpContinueRequest(SPA_CLIENT_ID, { continuationToken, ...grant }),
    );
  }

  /** Initiate and challenge of a password user with contoso-notes-spa: the password step's token. */
  async passwordStep(username: string, challengeOn: NativeAuth = this): Promise<string> {
    const initiated = success(await this.initiate(SPA_CLIENT_ID, username, PASSWORD_APP_TYPES));
    const challenged = success(
      await challengeOn.challenge(SPA_CLIENT_ID, initiated.continuation_token, PASSWORD_APP_TYPES),
    );
    if (challenged.challenge_type !== 'password')
      throw new Error(`expected the password challenge, got ${challenged.challenge_type}`);
    return challenged.continuation_token;
  }

  /** The outbox's messages to an address, newest first. */
  async outbox(to: string): Promise<OutboxMessage[]> {
    const response = await fetch(`${this.base}/.emulator/outbox?to=${encodeURIComponent(to)}`, {
      headers: { Authorization: `Bearer ${ADMIN_KEY}` },
    });
    if (response.status !== 200) throw new Error(`outbox: ${String(response.status)}`);
    return ((await response.json()) as { messages: OutboxMessage[] }).messages;
  }

  /** Creates a password user of the External ID tenant through the Graph-shaped admin API. */
  async createUser(username: string, password: string): Promise<string> {
    const response = await fetch(`${this.base}/v1.0/users?tenant=${EXTERNAL_TENANT}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        displayName: username,
        identities: [
          { signInType: 'emailAddress', issuer: EXTERNAL_TENANT, issuerAssignedId: username },
        ],
        passwordProfile: { password, forceChangePasswordNextSignIn: false },
      }),
    });
    if (response.status !== 201) throw new Error(`create user: ${String(response.status)}`);
    return ((await response.json()) as { id: string }).id;
  }
}

/** A JSON Web Key Set as the keys endpoint answers it. */
export interface Jwks {
  readonly keys: readonly (JsonWebKey & { kid: string })[];
}

/** GETs a JSON document that must answer 200. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url}: ${String(response.status)}`);
  return (await response.json()) as T;
}

/**
 * A JWT's header and payload once its RS256 signature verified with the key of `jwks` its `kid`
 * names; throws when there is no such key or the signature is wrong.
 */
export function verifyJwt(
  token: string,
  jwks: Jwks,
): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const decode = (part: string) =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  const parsedHeader = decode(header);
  const jwk = jwks.keys.find((key) => key.kid === parsedHeader['kid']);
  if (!jwk || parsedHeader['alg'] !== 'RS256')
    throw new Error(`no RS256 key ${String(parsedHeader['kid'])} in the JWKS`);
  const valid = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    createPublicKey({ key: jwk, format: 'jwk' }),
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) throw new Error('the signature does not verify');
  return { header: parsedHeader, payload: decode(payload) };
}
