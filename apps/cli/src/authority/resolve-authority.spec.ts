import { CliError } from '../cli/cli-error';
import { resolveAuthority } from './resolve-authority';

describe('resolveAuthority', () => {
  it('takes a policy authority (path or tfp form) as B2C, with its token and discovery URLs', () => {
    const path = resolveAuthority(
      'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_ROPC_Auth',
    );
    expect(path).toMatchObject({
      kind: 'b2c',
      tokenEndpoint:
        'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/oauth2/v2.0/token',
      discoveryUrl:
        'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/v2.0/.well-known/openid-configuration',
    });
    expect(
      resolveAuthority('https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_x/'),
    ).toMatchObject({
      kind: 'b2c',
      tokenEndpoint:
        'https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_x/oauth2/v2.0/token',
    });
  });

  it('takes a ciamlogin.com host or a tenant-only URL as External ID', () => {
    expect(resolveAuthority('https://contoso.ciamlogin.com/')).toMatchObject({
      kind: 'external-id',
      tenant: { baseUrl: 'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/' },
    });
    expect(resolveAuthority('http://127.0.0.1:7072/contosoid.onmicrosoft.com/')).toMatchObject({
      kind: 'external-id',
      discoveryUrl:
        'http://127.0.0.1:7072/contosoid.onmicrosoft.com/v2.0/.well-known/openid-configuration',
    });
  });

  it('lets --kind decide, and refuses what fits neither kind or leaks over plain http', () => {
    expect(resolveAuthority('https://login.example.com/contoso/', 'external-id').kind).toBe(
      'external-id',
    );
    expect(() => resolveAuthority('https://contoso.ciamlogin.com/', 'b2c')).toThrow(CliError);
    expect(() => resolveAuthority('https://login.example.com/')).toThrow(/cannot tell the kind/);
    expect(() => resolveAuthority('http://login.example.com/t/B2C_1_x')).toThrow(/must use https/);
    expect(() => resolveAuthority('https://user:pw@login.example.com/t/B2C_1_x')).toThrow(
      'the authority must not carry credentials',
    );
    expect(() => resolveAuthority('not a url')).toThrow('the authority is not an absolute URL');
  });
});
