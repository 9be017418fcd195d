/**
 * The `challenge_type` list (docs/entra-native-auth-protocol.md §2.4): the ways of proving who
 * they are a client can handle, sent space-separated to initiate, every challenge and every start
 * endpoint. `redirect` says the client can fall back to a browser sign-in; the server requires it,
 * so clients always send it, as MSAL does.
 */

/** Every challenge type of the V1 API. */
export const CHALLENGE_TYPES = ['password', 'oob', 'redirect'] as const;

/** `password`, `oob` (a one-time code by email) or `redirect` (browser fallback). */
export type ChallengeType = (typeof CHALLENGE_TYPES)[number];

/** True when `value` is one of {@link CHALLENGE_TYPES}. */
export function isChallengeType(value: string): value is ChallengeType {
  return (CHALLENGE_TYPES as readonly string[]).includes(value);
}

/**
 * Formats a client's challenge types as MSAL sends them: in the given order, `redirect` appended
 * when missing, space-separated. `[]` gives `redirect`, `['oob']` gives `oob redirect`.
 *
 * @throws TypeError on a value that is not a challenge type (a JavaScript caller's mistake).
 */
export function formatChallengeTypes(types: readonly ChallengeType[]): string {
  const values: readonly string[] = types;
  if (!values.every(isChallengeType)) throw new TypeError('not a challenge type');
  return (types.includes('redirect') ? types : [...types, 'redirect']).join(' ');
}

/** The outcome of {@link parseChallengeTypes}. */
export type ParseChallengeTypesResult =
  | { readonly ok: true; readonly types: readonly ChallengeType[] }
  | { readonly ok: false; readonly unknown: string };

/**
 * Reads a `challenge_type` parameter, as a server does: values split on spaces, compared without
 * regard to case, repeats dropped, order kept. An unknown value is returned so that the server
 * can refuse it (`invalid_request`); whether the list holds `redirect` is the server's next check.
 */
export function parseChallengeTypes(value: string): ParseChallengeTypesResult {
  const types = new Set<ChallengeType>();
  for (const part of value.split(' ')) {
    if (part === '') continue;
    const type = part.toLowerCase();
    if (!isChallengeType(type)) return { ok: false, unknown: part };
    types.add(type);
  }
  return { ok: true, types: [...types] };
}

/** What a client declares once and sends to every start of a flow. */
export interface ChallengeSettings {
  readonly challengeTypes: readonly ChallengeType[];
  /**
   * Optional abilities (`mfa_required`, `registration_required`) sent as `capabilities` when not
   * empty; see capabilities.ts.
   */
  readonly capabilities?: readonly string[];
}
