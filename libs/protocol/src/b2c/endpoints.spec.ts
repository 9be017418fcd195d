import {
  authorityEndpointUrl,
  buildEndpointUrl,
  buildIssuer,
  parseAuthority,
  parseEndpointUrl,
  policyEquals,
} from './endpoints';
import {
  B2C_HOST,
  DISCOVERY_DOCUMENT,
  ENDPOINT_URLS,
  POLICY,
  TENANT,
  TENANT_ID,
} from '../../test/fixtures/reference-examples';

describe('parseEndpointUrl', () => {
  it.each(ENDPOINT_URLS)('takes $url apart into tenant and policy', ({ url, ...expected }) => {
    expect(parseEndpointUrl(url)).toEqual({ origin: B2C_HOST, ...expected });
  });

  it('reads the lowercased policy from the discovery example URLs', () => {
    for (const url of [DISCOVERY_DOCUMENT.token_endpoint, DISCOVERY_DOCUMENT.jwks_uri]) {
      expect(parseEndpointUrl(url)).toMatchObject({
        tenant: TENANT,
        policy: 'b2c_1a_signin',
        style: 'query',
      });
    }
  });

  it('keeps a base path in front of the tenant as part of the origin', () => {
    expect(
      parseEndpointUrl(`http://127.0.0.1:7072/b2c/${TENANT}/${POLICY}/oauth2/v2.0/token`),
    ).toEqual({
      origin: 'http://127.0.0.1:7072/b2c',
      tenant: TENANT,
      policy: POLICY,
      kind: 'token',
      style: 'path',
    });
  });

  it.each([
    `${B2C_HOST}/${TENANT}/oauth2/v2.0/token`,
    `${B2C_HOST}/oauth2/v2.0/token`,
    `${B2C_HOST}/${TENANT}/${POLICY}/oauth2/v2.0/authorize`,
    'not a url',
  ])('returns undefined for %s, which names no policy endpoint', (url) => {
    expect(parseEndpointUrl(url)).toBeUndefined();
  });
});

describe('buildEndpointUrl', () => {
  it.each(ENDPOINT_URLS)('builds $url', ({ url, kind, style, tenant, policy }) => {
    expect(buildEndpointUrl({ origin: B2C_HOST, tenant, policy, kind, style })).toBe(url);
  });

  it('defaults to the path style', () => {
    expect(
      buildEndpointUrl({
        origin: 'http://localhost:7072/',
        tenant: TENANT,
        policy: POLICY,
        kind: 'jwks',
      }),
    ).toBe(`http://localhost:7072/${TENANT}/${POLICY}/discovery/v2.0/keys`);
  });
});

describe('parseAuthority', () => {
  it('parses the path-style authority of docs/architecture.md and builds its token URL', () => {
    const authority = parseAuthority(`http://localhost:7072/${TENANT}/${POLICY}/`);
    expect(authority).toEqual({
      origin: 'http://localhost:7072',
      tenant: TENANT,
      policy: POLICY,
      style: 'path',
    });
    expect(authorityEndpointUrl(authority!, 'token')).toBe(
      `http://localhost:7072/${TENANT}/${POLICY}/oauth2/v2.0/token`,
    );
  });

  it("parses MSAL's tfp authority", () => {
    expect(parseAuthority(`${B2C_HOST}/tfp/${TENANT}/${POLICY}`)).toEqual({
      origin: B2C_HOST,
      tenant: TENANT,
      policy: POLICY,
      style: 'tfp',
    });
  });

  it('refuses an authority without a policy', () => {
    expect(parseAuthority(B2C_HOST)).toBeUndefined();
  });
});

describe('policyEquals', () => {
  it('compares policy names case-insensitively, as tfp and acr differ in case', () => {
    expect(policyEquals('B2C_1_ROPC_Auth', 'b2c_1_ropc_auth')).toBe(true);
    expect(policyEquals('B2C_1_ROPC_Auth', 'B2C_1A_ROPC_Auth')).toBe(false);
  });
});

describe('buildIssuer', () => {
  it('builds the default tenant-id issuer with its trailing slash, as in the discovery example', () => {
    expect(buildIssuer(B2C_HOST, TENANT_ID, POLICY)).toBe(DISCOVERY_DOCUMENT.issuer);
  });

  it('builds the tfp issuer', () => {
    expect(buildIssuer('http://localhost:7072', TENANT_ID, POLICY, 'tfp')).toBe(
      `http://localhost:7072/tfp/${TENANT_ID}/${POLICY}/v2.0/`,
    );
  });
});
