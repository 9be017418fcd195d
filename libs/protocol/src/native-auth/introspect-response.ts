import { continuationTokenOf } from './continuation-response';
import { problem, type SuccessParseResult } from './response-problem';

/**
 * The answer of `oauth2/v2.0/introspect` (docs/entra-native-auth-protocol.md §3.5): the MFA
 * methods a user has, to pick one for the next challenge (`id`). Reached only after
 * `invalid_grant` + `mfa_required`.
 */

/** One registered strong-authentication method. */
export interface AuthenticationMethod {
  readonly id: string;
  /** `oob`. */
  readonly challenge_type: string;
  /** `email`. */
  readonly challenge_channel: string;
  /** A masked hint such as `c***r@co**o**o.com`. */
  readonly login_hint?: string;
}

/** Introspect's answer. */
export interface IntrospectResponse {
  readonly continuation_token: string;
  readonly methods: readonly AuthenticationMethod[];
}

/** More methods than a user registers; the rest are dropped. */
const MAX_METHODS = 20;

function methodOf(item: unknown): AuthenticationMethod | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { id, challenge_type, challenge_channel, login_hint } = item as Record<string, unknown>;
  if (typeof id !== 'string' || typeof challenge_type !== 'string') return undefined;
  if (typeof challenge_channel !== 'string') return undefined;
  return {
    id,
    challenge_type,
    challenge_channel,
    ...(typeof login_hint === 'string' ? { login_hint } : {}),
  };
}

/** Checks introspect's answer: a continuation token and a list of well-formed methods. */
export function parseIntrospectResponse(
  body: Readonly<Record<string, unknown>>,
): SuccessParseResult<IntrospectResponse> {
  const token = continuationTokenOf(body);
  if (token === undefined) return problem('continuation_token_missing');
  const list = body['methods'];
  if (!Array.isArray(list)) return problem('invalid_methods');
  const methods = list.slice(0, MAX_METHODS).map(methodOf);
  if (!methods.every((method): method is AuthenticationMethod => method !== undefined))
    return problem('invalid_methods');
  return { ok: true, body: { continuation_token: token, methods } };
}
