import { issuerDiscoveryUrl } from './key-source';

describe('issuerDiscoveryUrl', () => {
  it('adds the B2C policy to a tenant-form issuer, and nothing to tfp or External ID issuers', () => {
    expect(
      issuerDiscoveryUrl({ iss: 'https://contoso.b2clogin.com/tid/v2.0/', tfp: 'B2C_1_ROPC_Auth' }),
    ).toBe(
      'https://contoso.b2clogin.com/tid/v2.0/.well-known/openid-configuration?p=B2C_1_ROPC_Auth',
    );
    expect(
      issuerDiscoveryUrl({
        iss: 'https://contoso.b2clogin.com/tfp/tid/B2C_1_x/v2.0/',
        tfp: 'B2C_1_x',
      }),
    ).toBe('https://contoso.b2clogin.com/tfp/tid/B2C_1_x/v2.0/.well-known/openid-configuration');
    expect(issuerDiscoveryUrl({ iss: 'https://tid.ciamlogin.com/tid/v2.0' })).toBe(
      'https://tid.ciamlogin.com/tid/v2.0/.well-known/openid-configuration',
    );
  });

  it('refuses a token without an issuer, or with one that is not https', () => {
    expect(() => issuerDiscoveryUrl({})).toThrow(/no iss claim/);
    expect(() => issuerDiscoveryUrl({ iss: 'http://evil.example/' })).toThrow(/must use https/);
  });
});
