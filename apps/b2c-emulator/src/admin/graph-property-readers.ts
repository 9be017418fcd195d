import { invalidValue, unknownProperty } from './graph-error';

/** A parsed JSON object from a request body. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Inclusive length bounds of a string property, in UTF-16 code units as Graph counts them. */
export interface TextLimits {
  readonly min: number;
  readonly max: number;
}

/**
 * Throws for the first property of `object` that is neither in `allowed` nor accepted by
 * `alsoAllowed`: Graph rejects unknown properties, and silently dropping one would hide a typo.
 */
export function rejectUnknownProperties(
  object: JsonObject,
  allowed: readonly string[],
  context: { readonly prefix: string; readonly type: string },
  alsoAllowed: (key: string) => boolean = () => false,
): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key) && !alsoAllowed(key)) {
      throw unknownProperty(`${context.prefix}${key}`, context.type);
    }
  }
}

/** A JSON object (not null, not an array). */
export function readObject(value: unknown, target: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidValue(target, 'must be a JSON object');
  }
  return value as JsonObject;
}

/** A string within `limits`. */
export function readText(value: unknown, target: string, limits: TextLimits): string {
  if (typeof value !== 'string' || value.length < limits.min || value.length > limits.max) {
    throw invalidValue(target, `must be a string of ${limits.min} to ${limits.max} characters`);
  }
  return value;
}

/** A JSON Boolean. */
export function readBoolean(value: unknown, target: string): boolean {
  if (typeof value !== 'boolean') throw invalidValue(target, 'must be true or false');
  return value;
}

/**
 * Accepts the `@odata.type` annotation that Graph SDKs (Kiota models) send, as long as it names
 * the expected type; anything else is a different resource and is refused.
 */
export function checkODataType(object: JsonObject, expected: string, prefix: string): void {
  const value = object['@odata.type'];
  if (value === undefined) return;
  const name = typeof value === 'string' ? value.replace(/^#/, '').toLowerCase() : undefined;
  if (name !== expected.toLowerCase()) {
    throw invalidValue(`${prefix}@odata.type`, `must be #${expected}`);
  }
}
