import type { Tenant } from '../tenant/tenant-model';
import { GraphError } from './graph-error';
import { claimName, graphAttributeName, isExtensionProperty } from './graph-extension-attributes';
import { GRAPH_USER_PROPERTIES } from './graph-user-resource';

/** The OData query options the emulator understands on the users API. */
export interface GraphUserQuery {
  /** `$select`, as Graph names the properties; undefined: every property. */
  readonly select?: readonly string[];
  /** `$filter=identities/any(...)`: the one sign-in identity to look for. */
  readonly identity?: { readonly issuerAssignedId: string; readonly issuer: string };
}

/** One `c/issuerAssignedId eq '…'` or `c/issuer eq '…'` clause; `''` escapes a quote. */
const CLAUSE = String.raw`(\w+)/(issuerAssignedId|issuer)\s+eq\s+'((?:[^']|'')*)'`;

/** The filter B2C apps use to find a user by sign-in name (the two clauses in either order). */
const IDENTITY_FILTER = new RegExp(
  String.raw`^\s*identities/any\(\s*(\w+)\s*:\s*${CLAUSE}\s+and\s+${CLAUSE}\s*\)\s*$`,
  'i',
);

const UNSUPPORTED_FILTER =
  "The emulator supports only $filter=identities/any(c:c/issuerAssignedId eq '…' and c/issuer eq '…').";

/**
 * Reads `$select` (both routes) and `$filter` (collections only). Other `$` options are refused
 * rather than ignored, so a client never mistakes an unfiltered answer for a filtered one;
 * parameters without `$` are ignored, as Graph does.
 */
export function readGraphUserQuery(
  query: URLSearchParams,
  tenant: Tenant,
  collection: boolean,
): GraphUserQuery {
  const supported = collection ? ['$select', '$filter'] : ['$select'];
  for (const key of query.keys()) {
    if (key.startsWith('$') && !supported.includes(key)) {
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        `The query option ${key.slice(0, 20)} is not supported by the emulator.`,
      );
    }
  }
  const select = query.get('$select');
  const filter = query.get('$filter');
  return {
    ...(select === null ? {} : { select: readSelect(select, tenant) }),
    ...(filter === null ? {} : { identity: readIdentityFilter(filter) }),
  };
}

function readSelect(value: string, tenant: Tenant): string[] {
  const builtIn: readonly string[] = GRAPH_USER_PROPERTIES;
  return value.split(',').map((raw) => {
    const name = raw.trim();
    if (builtIn.includes(name)) return name;
    if (isExtensionProperty(name)) return graphAttributeName(claimName(name), tenant);
    throw new GraphError(
      400,
      'Request_BadRequest',
      `Could not find a property named '${name.slice(0, 100)}' on type 'microsoft.graph.user'.`,
    );
  });
}

function readIdentityFilter(value: string): GraphUserQuery['identity'] {
  const match = IDENTITY_FILTER.exec(value);
  const [, variable, var1, prop1, value1, var2, prop2, value2] = match ?? [];
  const unquote = (text: string | undefined): string => (text ?? '').replaceAll("''", "'");
  const sameVariable = [var1, var2].every((v) => v?.toLowerCase() === variable?.toLowerCase());
  const props = [prop1?.toLowerCase(), prop2?.toLowerCase()];
  if (!match || !sameVariable || props[0] === props[1]) {
    throw new GraphError(400, 'Request_UnsupportedQuery', UNSUPPORTED_FILTER);
  }
  const [id, issuer] = props[0] === 'issuerassignedid' ? [value1, value2] : [value2, value1];
  return { issuerAssignedId: unquote(id), issuer: unquote(issuer) };
}
