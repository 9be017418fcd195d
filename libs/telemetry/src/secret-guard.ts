import type { Attributes, AttributeValue } from '@opentelemetry/api';

/** What replaces a value that looks like a secret. */
export const REDACTED = '[redacted]';

/** A compact JWS or JWE: a base64url JSON header (`eyJ`) and at least two more parts. */
const JWT = /eyJ[\w-]{4,}\.[\w-]*\.[\w-]*/;
/** Anything shaped like an e-mail address (usernames are e-mail addresses here). */
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]{2,}/;
/**
 * A long run of token alphabet (base64, base64url): refresh tokens, opaque codes, keys. Runs of
 * hex digits and hyphens only (trace ids, GUIDs, the account HMAC) are identifiers, not secrets.
 */
const OPAQUE_RUN = /[\w+=-]{32,}/g;
const HEX_OR_GUID = /^[0-9a-fA-F-]+$/;
/** Attribute names that would only ever hold a credential. */
const SECRET_KEY =
  /pass(word)?|secret|credential|authorization|cookie|(refresh|access|id|continuation)[._]?token/i;

/**
 * Whether a string looks like a secret or personal data: a JWT, an e-mail address, or a long
 * opaque token. A password has no shape to recognise; it is kept out by the apps setting only
 * values from closed sets — this guard is the second line, for what slips through.
 */
export function looksLikeSecret(value: string): boolean {
  if (JWT.test(value) || EMAIL.test(value)) return true;
  for (const [run] of value.matchAll(OPAQUE_RUN)) if (!HEX_OR_GUID.test(run)) return true;
  return false;
}

function safeValue(key: string, value: AttributeValue): AttributeValue {
  if (SECRET_KEY.test(key)) return REDACTED;
  if (typeof value === 'string') return looksLikeSecret(value) ? REDACTED : value;
  if (Array.isArray(value))
    return value.map((item: unknown) =>
      typeof item === 'string' && looksLikeSecret(item) ? REDACTED : item,
    ) as AttributeValue;
  return value;
}

/** `attributes` with every value that looks like a secret (or sits under a secret's name) redacted. */
export function safeAttributes(attributes: Attributes): Attributes {
  const safe: Attributes = {};
  for (const [key, value] of Object.entries(attributes))
    if (value !== undefined) safe[key] = safeValue(key, value);
  return safe;
}

/** Redacts in place; returns the names of the attributes it redacted. */
export function redactInPlace(attributes: Attributes): string[] {
  const redacted: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    const safe = safeValue(key, value);
    if (safe !== value && JSON.stringify(safe) !== JSON.stringify(value)) {
      attributes[key] = safe;
      redacted.push(key);
    }
  }
  return redacted;
}
