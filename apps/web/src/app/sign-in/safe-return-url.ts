/** Where people go after signing in when no usable `returnUrl` was given. */
export const DEFAULT_RETURN_URL = '/notes';

/** Any origin will do: only whether a value stays on it matters. */
const PROBE_ORIGIN = 'https://app.invalid';

/**
 * The `returnUrl` query parameter if it is a path inside this app, else `/notes`. Refuses what
 * would leave the app (an open redirect after sign-in is a phishing tool): absolute URLs,
 * protocol-relative `//host` and `/\host` (browsers read `\` as `/`), and anything the URL parser
 * resolves to another origin, such as a path with a tab or newline in its first characters. The
 * sign-in page itself is refused too, so signing in never loops back to it.
 */
export function safeReturnUrl(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return DEFAULT_RETURN_URL;
  if (value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_RETURN_URL;
  if (!URL.canParse(value, PROBE_ORIGIN)) return DEFAULT_RETURN_URL;
  const resolved = new URL(value, PROBE_ORIGIN);
  if (resolved.origin !== PROBE_ORIGIN) return DEFAULT_RETURN_URL;
  if (resolved.pathname === '/sign-in') return DEFAULT_RETURN_URL;
  return value;
}
