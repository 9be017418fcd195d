import { isTenantId, parseNativeAuthAuthority } from './authority';
import { AUTHORITIES, REFUSED_AUTHORITIES } from '../../test/fixtures/native-auth/reference-urls';
import { TENANT_ID } from '../../test/fixtures/native-auth/identities';

describe('parseNativeAuthAuthority', () => {
  it.each(AUTHORITIES)('parses $authority', ({ authority, tenant, tenantForm, baseUrl }) => {
    expect(parseNativeAuthAuthority(authority)).toMatchObject({ tenant, tenantForm, baseUrl });
  });

  it('gives the origin without the tenant, keeping a path prefix before it', () => {
    expect(parseNativeAuthAuthority(`https://contoso.ciamlogin.com/${TENANT_ID}/`).origin).toBe(
      'https://contoso.ciamlogin.com',
    );
    expect(parseNativeAuthAuthority('http://127.0.0.1:7072/ciam/contoso.onmicrosoft.com')).toEqual({
      origin: 'http://127.0.0.1:7072/ciam',
      tenant: 'contoso.onmicrosoft.com',
      tenantForm: 'domain',
      baseUrl: 'http://127.0.0.1:7072/ciam/contoso.onmicrosoft.com/',
    });
  });

  it.each(REFUSED_AUTHORITIES)('refuses %s with a TypeError', (authority) => {
    expect(() => parseNativeAuthAuthority(authority)).toThrow(TypeError);
  });

  it('refuses a tenant segment that is not valid percent-encoding', () => {
    expect(() => parseNativeAuthAuthority('https://contoso.ciamlogin.com/%E0%A4%A/')).toThrow(
      TypeError,
    );
  });
});

describe('isTenantId', () => {
  it('accepts a GUID in either case and nothing else', () => {
    expect(isTenantId(TENANT_ID)).toBe(true);
    expect(isTenantId(TENANT_ID.toUpperCase())).toBe(true);
    expect(isTenantId('contoso.onmicrosoft.com')).toBe(false);
    expect(isTenantId(`${TENANT_ID}0`)).toBe(false);
  });
});
