import type { StoredUser } from '../stores/user-store';
import type { Tenant } from '../tenant/tenant-model';
import { graphAttributeName, type AttributeValue } from './graph-extension-attributes';

/** Graph's metadata document; `@odata.context` values point into it. */
export const GRAPH_METADATA = 'https://graph.microsoft.com/v1.0/$metadata';

/** The built-in properties the emulator answers with, in Graph's order. */
export const GRAPH_USER_PROPERTIES = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'identities',
  'accountEnabled',
  'passwordPolicies',
] as const;

/** A user as Graph returns it. Never a password, a hash or session state. */
export type GraphUserResource = Readonly<Record<string, unknown>> & {
  readonly id: string;
};

/**
 * A stored user in Graph's shape: the built-in properties (unset ones as `null`, as Graph writes
 * them) and the custom attributes under their Graph names. Listed field by field, so a field
 * added to the store later cannot leak out.
 */
export function toGraphUserResource(user: StoredUser, tenant: Tenant): GraphUserResource {
  return {
    id: user.id,
    displayName: user.displayName,
    givenName: user.givenName ?? null,
    surname: user.surname ?? null,
    identities: user.identities.map(({ signInType, issuer, issuerAssignedId }) => ({
      signInType,
      issuer,
      issuerAssignedId,
    })),
    accountEnabled: user.accountEnabled,
    passwordPolicies: user.passwordPolicies ?? null,
    ...Object.fromEntries(
      Object.entries(user.attributes).map(([name, value]): [string, AttributeValue] => [
        graphAttributeName(name, tenant),
        value,
      ]),
    ),
  };
}

/** Keeps only the `$select`ed properties (Graph names), in the order asked. */
export function selectProperties(
  resource: GraphUserResource,
  select: readonly string[] | undefined,
): Readonly<Record<string, unknown>> {
  if (select === undefined) return resource;
  // A selected custom attribute the user has no value for is left out, as Graph does.
  return Object.fromEntries(
    select.filter((name) => Object.hasOwn(resource, name)).map((name) => [name, resource[name]]),
  );
}

/** `@odata.context` of a user collection (`entity` false) or of one user. */
export function graphUsersContext(select: readonly string[] | undefined, entity: boolean): string {
  const projection = select === undefined ? '' : `(${select.join(',')})`;
  return `${GRAPH_METADATA}#users${projection}${entity ? '/$entity' : ''}`;
}
