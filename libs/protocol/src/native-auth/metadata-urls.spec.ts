import { parseNativeAuthAuthority } from './authority';
import {
  buildNativeAuthDiscoveryUrl,
  buildNativeAuthIssuer,
  buildNativeAuthJwksUrl,
} from './metadata-urls';
import { METADATA_URLS } from '../../test/fixtures/native-auth/reference-urls';
import { TENANT_ID } from '../../test/fixtures/native-auth/identities';

describe('discovery and key URLs', () => {
  it('builds discovery in the tenant-id and domain forms, from a string or a parsed authority', () => {
    expect(buildNativeAuthDiscoveryUrl(`https://contoso.ciamlogin.com/${TENANT_ID}`)).toBe(
      METADATA_URLS.discoveryByTenantId,
    );
    expect(
      buildNativeAuthDiscoveryUrl(parseNativeAuthAuthority('https://contoso.ciamlogin.com/')),
    ).toBe(METADATA_URLS.discoveryByDomain);
  });

  it('builds the JWKS URL under the tenant', () => {
    expect(buildNativeAuthJwksUrl(`https://contoso.ciamlogin.com/${TENANT_ID}/`)).toBe(
      METADATA_URLS.jwksByTenantId,
    );
  });
});

describe('buildNativeAuthIssuer', () => {
  it('puts the tenant id in the host and the path, without a trailing slash', () => {
    expect(buildNativeAuthIssuer(TENANT_ID)).toBe(METADATA_URLS.issuer);
  });

  it('uses another origin when given: an emulator, or the issuer before the CIAM split', () => {
    expect(buildNativeAuthIssuer(TENANT_ID, { origin: 'http://localhost:7072/' })).toBe(
      METADATA_URLS.emulatorIssuer,
    );
    expect(buildNativeAuthIssuer(TENANT_ID, { origin: 'https://login.microsoftonline.com' })).toBe(
      METADATA_URLS.issuerBeforeSplit,
    );
  });

  it('refuses a tenant that is not a GUID', () => {
    expect(() => buildNativeAuthIssuer('contoso.onmicrosoft.com')).toThrow(TypeError);
  });
});
