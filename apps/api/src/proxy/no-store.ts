/** Every `/api/auth` answer carries this: tokens must never be cached (RFC 6749 §5.1). */
export const NO_STORE: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
};
