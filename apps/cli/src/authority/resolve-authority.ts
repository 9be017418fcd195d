import { authorityEndpointUrl, parseAuthority, type PolicyAuthority } from '@ropc/protocol';
import {
  CIAM_HOST_SUFFIX,
  buildNativeAuthDiscoveryUrl,
  parseNativeAuthAuthority,
  type NativeAuthAuthority,
} from '@ropc/protocol/native-auth';
import { usageError } from '../cli/cli-error';
import { AUTHORITY_KINDS, isAuthorityKind, type AuthorityKind } from './authority-kind';
import { checkTransport } from './check-transport';

/** A B2C policy authority: the ROPC password grant goes to its token endpoint. */
export interface B2CAuthority {
  readonly kind: 'b2c';
  readonly url: string;
  readonly policy: PolicyAuthority;
  readonly tokenEndpoint: string;
  readonly discoveryUrl: string;
}

/** An External ID tenant: native sign-in goes to its base URL. */
export interface ExternalIdAuthority {
  readonly kind: 'external-id';
  readonly url: string;
  readonly tenant: NativeAuthAuthority;
  readonly discoveryUrl: string;
}

export type Authority = B2CAuthority | ExternalIdAuthority;

/** @throws CliError `usage` for a value other than `b2c` or `external-id`. */
export function parseAuthorityKind(value: string | undefined): AuthorityKind | undefined {
  if (value === undefined) return undefined;
  if (!isAuthorityKind(value)) {
    throw usageError(`the kind must be one of ${AUTHORITY_KINDS.join(', ')}`);
  }
  return value;
}

function asB2C(url: string): B2CAuthority | undefined {
  const policy = parseAuthority(url);
  if (!policy) return undefined;
  return {
    kind: 'b2c',
    url,
    policy,
    tokenEndpoint: authorityEndpointUrl(policy, 'token'),
    discoveryUrl: authorityEndpointUrl(policy, 'discovery'),
  };
}

function asExternalId(url: string): ExternalIdAuthority | undefined {
  try {
    const tenant = parseNativeAuthAuthority(url);
    return { kind: 'external-id', url, tenant, discoveryUrl: buildNativeAuthDiscoveryUrl(tenant) };
  } catch {
    return undefined;
  }
}

/** Path segments of a URL, without empty ones. */
const segmentsOf = (url: URL): string[] => url.pathname.split('/').filter((part) => part !== '');

/**
 * Tells an authority's kind from its shape, unless `forced`: a `*.ciamlogin.com` host is External
 * ID; a URL naming a tenant and a policy (`/{tenant}/{policy}`, or `/tfp/{tenant}/{policy}`) is
 * B2C; a URL naming only a tenant (`http://127.0.0.1:7072/{tenant}/`, the emulator's) is External
 * ID.
 *
 * @throws CliError `usage` when the URL is not https (http on loopback), or fits neither kind.
 */
export function resolveAuthority(url: string, forced?: AuthorityKind): Authority {
  const parsed = checkTransport(url, 'authority');
  if (parsed.search !== '' || parsed.hash !== '') {
    throw usageError('the authority must not carry a query or fragment');
  }
  if (forced === 'b2c') {
    return asB2C(url) ?? failure('not a B2C authority: https://{host}/{tenant}/{policy} expected');
  }
  if (forced === 'external-id') {
    return (
      asExternalId(url) ??
      failure('not an External ID authority: https://{subdomain}.ciamlogin.com/[{tenant}/]')
    );
  }
  const guessed = parsed.hostname.endsWith(CIAM_HOST_SUFFIX)
    ? asExternalId(url)
    : segmentsOf(parsed).length >= 2
      ? asB2C(url)
      : asExternalId(url);
  return (
    guessed ??
    failure(
      'cannot tell the kind of this authority: pass --kind b2c or --kind external-id ' +
        '(B2C: https://{host}/{tenant}/{policy}; External ID: https://{subdomain}.ciamlogin.com/)',
    )
  );
}

function failure(message: string): never {
  throw usageError(message);
}
