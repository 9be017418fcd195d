/**
 * Headers of every JSON answer of the token endpoint, as B2C sends them (docs/b2c-ropc-protocol.md
 * §4.1).
 */
export const JSON_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};
