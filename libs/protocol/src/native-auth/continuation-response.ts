import { problem, type SuccessParseResult } from './response-problem';

/**
 * The answer of initiate, sign-up start and continue, and password-reset start
 * (docs/entra-native-auth-protocol.md §2.3): only the continuation token for the next call of the
 * flow. It is opaque and short-lived; other fields are ignored, as MSAL ignores them.
 */
export interface ContinuationResponse {
  readonly continuation_token: string;
}

/** The body's `continuation_token` when it is a non-empty string. */
export function continuationTokenOf(body: Readonly<Record<string, unknown>>): string | undefined {
  const token = body['continuation_token'];
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/** Checks a continuation answer: `continuation_token` must be there. */
export function parseContinuationResponse(
  body: Readonly<Record<string, unknown>>,
): SuccessParseResult<ContinuationResponse> {
  const token = continuationTokenOf(body);
  return token === undefined
    ? problem('continuation_token_missing')
    : { ok: true, body: { continuation_token: token } };
}
