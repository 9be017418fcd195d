/**
 * Usernames are compared trimmed, NFC-normalised and lower-cased (docs/architecture.md), so that
 * `Alice@…`, ` alice@…` and a decomposed `é` all name one account for sign-in, lockout and
 * throttling.
 */
export function normaliseUsername(username: string): string {
  return username.trim().normalize('NFC').toLowerCase();
}
