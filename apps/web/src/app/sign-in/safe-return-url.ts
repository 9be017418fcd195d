/** Where people go after signing in when no usable `returnUrl` was given. */
export const DEFAULT_RETURN_URL = '/notes';

/** The signed-out pages: signing in never loops back to one of them. */
const SIGNED_OUT_PAGES: ReadonlySet<string> = new Set(['/sign-in', '/sign-up', '/reset-password']);

/** Any origin will do: only whether a value stays on it matters. */
const PROBE_ORIGIN = 'https://app.invalid';

/**
 * The `returnUrl` query parameter if it is a path inside this app, else `/notes`. Refuses what
 * would leave the app (an open redirect after sign-in is a phishing tool): absolute URLs,
 * protocol-relative `//host` and `/\host` (browsers read `\` as `/`), and anything the URL parser
 * resolves to another origin, such as a path with a tab or newline in its first characters. The
 * signed-out pages (sign-in, sign-up, reset) are refused too, so signing in never loops back.
 */
export function safeReturnUrl(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return DEFAULT_RETURN_URL;
  if (value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_RETURN_URL;
  if (!URL.canParse(value, PROBE_ORIGIN)) return DEFAULT_RETURN_URL;
  const resolved = new URL(value, PROBE_ORIGIN);
  if (resolved.origin !== PROBE_ORIGIN) return DEFAULT_RETURN_URL;
  if (SIGNED_OUT_PAGES.has(resolved.pathname)) return DEFAULT_RETURN_URL;
  return value;
}
