import type { Tenant } from '../tenant/tenant-model';
import { invalidValue } from './graph-error';
import type { JsonObject } from './graph-property-readers';

/** A custom attribute value as the tenant model keeps it. */
export type AttributeValue = string | number | boolean;

/** Graph's name: `extension_{b2c-extensions-app id without dashes}_{Name}`. */
const GRAPH_NAME = /^extension_[0-9a-f]{32}_([A-Za-z0-9_]+)$/i;

/** The claim name user flows use (and the tenant file stores): `extension_{Name}`. */
const CLAIM_NAME = /^extension_([A-Za-z0-9_]+)$/;

const INT32 = { min: -2147483648, max: 2147483647 };

/** True for a property Graph treats as a custom attribute (then checked by `readAttributes`). */
export function isExtensionProperty(key: string): boolean {
  return key.startsWith('extension_');
}

/**
 * The custom attributes of a body, by claim name (`extension_{Name}`), whichever app id the client
 * used. `null` stays `null`: an update removes the attribute. Two spellings of one name conflict.
 */
export function readAttributes(body: JsonObject): Map<string, AttributeValue | null> {
  const attributes = new Map<string, AttributeValue | null>();
  for (const [key, value] of Object.entries(body)) {
    if (!isExtensionProperty(key)) continue;
    const name = claimName(key);
    if (attributes.has(name)) throw invalidValue(key, `names the same attribute as another key`);
    attributes.set(name, value === null ? null : readAttributeValue(value, key));
  }
  return attributes;
}

/**
 * The name Graph answers with: the long form when the tenant has a `b2c-extensions-app`
 * registration (as every real B2C tenant does), else the claim name itself, because without that
 * app the emulator has no app id to put in.
 */
export function graphAttributeName(attribute: string, tenant: Tenant): string {
  const app = tenant.applications.find((a) =>
    a.name.toLowerCase().startsWith('b2c-extensions-app'),
  );
  const name = CLAIM_NAME.exec(attribute)?.[1];
  if (app === undefined || name === undefined) return attribute;
  return `extension_${app.id.replaceAll('-', '').toLowerCase()}_${name}`;
}

/** Maps either spelling to `extension_{Name}`; `$select` uses it too. */
export function claimName(key: string): string {
  const name = GRAPH_NAME.exec(key)?.[1] ?? CLAIM_NAME.exec(key)?.[1];
  if (name === undefined) {
    throw invalidValue(
      key.slice(0, 100),
      'must be named extension_{appId without dashes}_{Name} or extension_{Name}, Name of letters, digits and _',
    );
  }
  return `extension_${name}`;
}

/** B2C's custom attribute types: String (≤ 256), Boolean, Int (32-bit); DateTime is a string. */
function readAttributeValue(value: unknown, target: string): AttributeValue {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && value.length <= 256) return value;
  if (Number.isInteger(value) && (value as number) >= INT32.min && (value as number) <= INT32.max) {
    return value as number;
  }
  throw invalidValue(
    target,
    'must be a string of at most 256 characters, a Boolean or a 32-bit integer',
  );
}
