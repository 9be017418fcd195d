import { decodeUserAttributes, type RequiredAttribute } from '@ropc/protocol/native-auth';
import type { ExternalIdUserFlow } from './external-id-tenant';
import type { NativeAuthContext } from './native-auth-context';
import { NativeAuthRefusal } from './native-auth-refusal';

/** Longest attribute value kept: Graph's limit for `displayName`. */
const MAX_ATTRIBUTE_LENGTH = 256;

/** Attribute values collected so far, by programmatic name. */
export type CollectedValues = Readonly<Record<string, string>>;

/**
 * The request's `attributes` (docs/entra-native-auth-protocol.md §4.4), narrowed to what the
 * user flow collects — only its required ones once the e-mail is verified — with names the flow
 * does not collect ignored, as the service does. A value that is empty or longer than 256
 * characters is `attribute_validation_failed` naming it; a parameter that is not a JSON object
 * of strings is `invalid_request`.
 */
export function readAttributes(
  context: NativeAuthContext,
  flow: ExternalIdUserFlow,
  onlyRequired: boolean,
): CollectedValues {
  const text = context.params.get('attributes');
  if (text === undefined) return {};
  const decoded = decodeUserAttributes(text);
  if (!decoded.ok)
    throw NativeAuthRefusal.invalid(
      'attributes',
      `it must be a JSON object of strings (${decoded.error.code}).`,
    );
  const collected = flow.attributes.filter((attribute) => !onlyRequired || attribute.required);
  const values: Record<string, string> = {};
  const invalid: { name: string; reason: string }[] = [];
  for (const { name } of collected) {
    const value = Object.hasOwn(decoded.attributes, name) ? decoded.attributes[name] : undefined;
    if (value === undefined) continue;
    if (value.trim() === '' || value.length > MAX_ATTRIBUTE_LENGTH)
      invalid.push({ name, reason: `must have 1 to ${MAX_ATTRIBUTE_LENGTH} characters` });
    else values[name] = value;
  }
  if (invalid.length > 0)
    throw NativeAuthRefusal.of('attribute_validation_failed', { invalidAttributes: invalid });
  return values;
}

/** The required attributes still missing, as `required_attributes` lists them (§4.3). */
export function missingAttributes(
  flow: ExternalIdUserFlow,
  values: CollectedValues,
): RequiredAttribute[] {
  return flow.attributes
    .filter((attribute) => attribute.required && !Object.hasOwn(values, attribute.name))
    .map(({ name }) => ({
      name,
      type: 'string',
      required: true,
      options: { regex: `^.{1,${MAX_ATTRIBUTE_LENGTH}}$` },
    }));
}
