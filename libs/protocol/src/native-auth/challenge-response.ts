import { continuationTokenOf } from './continuation-response';
import { problem, type SuccessParseResult } from './response-problem';

/**
 * The answers of the three challenge endpoints (docs/entra-native-auth-protocol.md §3.2, §4.2,
 * §5.1): which credential the user must give next. `password`: ask for it. `oob`: a code was
 * sent, and the answer says where (masked) and how long it is. A `redirect` answer never gets
 * here: the outcome step turns it into a redirect outcome first.
 */

/** The user must give a password. */
export interface PasswordChallengeResponse {
  readonly challenge_type: 'password';
  readonly continuation_token: string;
}

/** A one-time code was sent. Only `continuation_token` is needed to go on; the rest is for display. */
export interface OobChallengeResponse {
  readonly challenge_type: 'oob';
  readonly continuation_token: string;
  /** `prompt`: the user types the code. */
  readonly binding_method?: string;
  /** `email`. */
  readonly challenge_channel?: string;
  /** The masked address the code went to, e.g. `c***r@co**o**o.com`. */
  readonly challenge_target_label?: string;
  /** Characters in the code (8 in every example); MSAL refuses a code of another length. */
  readonly code_length?: number;
  /** Sign-up only: seconds before another code should be asked for. */
  readonly interval?: number;
}

/** What a sign-in or sign-up challenge answers. */
export type ChallengeResponse = PasswordChallengeResponse | OobChallengeResponse;

const MAX_CODE_LENGTH = 64;

const stringField = (body: Readonly<Record<string, unknown>>, name: string) => {
  const value = body[name];
  return typeof value === 'string' ? { [name]: value } : {};
};

const integerField = (body: Readonly<Record<string, unknown>>, name: string, max: number) => {
  const value = body[name];
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max
    ? { [name]: value as number }
    : {};
};

/**
 * Checks a challenge answer: a continuation token and a `challenge_type` of `password` or `oob`.
 * Display fields of the wrong type are left out. Keys are read exactly: the published examples'
 * `"challenge_target_label "` (with a space) is a typo MSAL does not read either.
 */
export function parseChallengeResponse(
  body: Readonly<Record<string, unknown>>,
): SuccessParseResult<ChallengeResponse> {
  const token = continuationTokenOf(body);
  if (token === undefined) return problem('continuation_token_missing');
  const type = body['challenge_type'];
  if (type === 'password')
    return { ok: true, body: { challenge_type: 'password', continuation_token: token } };
  if (type !== 'oob') return problem('unsupported_challenge_type');
  return {
    ok: true,
    body: {
      challenge_type: 'oob',
      continuation_token: token,
      ...stringField(body, 'binding_method'),
      ...stringField(body, 'challenge_channel'),
      ...stringField(body, 'challenge_target_label'),
      ...integerField(body, 'code_length', MAX_CODE_LENGTH),
      ...integerField(body, 'interval', Number.MAX_SAFE_INTEGER),
    },
  };
}

/** Checks a password-reset challenge answer: only `oob` goes on (MSAL refuses anything else). */
export function parseOobChallengeResponse(
  body: Readonly<Record<string, unknown>>,
): SuccessParseResult<OobChallengeResponse> {
  const parsed = parseChallengeResponse(body);
  if (!parsed.ok) return parsed;
  return parsed.body.challenge_type === 'oob'
    ? { ok: true, body: parsed.body }
    : problem('unsupported_challenge_type');
}
