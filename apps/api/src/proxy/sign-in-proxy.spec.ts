import { HttpRequest } from '@azure/functions';
import { loadConfig } from '../config';
import { UNKNOWN_CLIENT } from './request-client';
import { SignInProxy } from './sign-in-proxy';

const ENV = {
  B2C_AUTHORITY: 'http://localhost:7072/contoso.onmicrosoft.com/B2C_1_ROPC_Auth',
  B2C_CLIENT_ID: '360770b5-7e4f-4765-b292-87b8b2c5964d',
  API_AUDIENCE: '0e842314-a3f9-451e-a34c-f22568d6db61',
  AUTH_COOKIE_KEYS: 'test-1:dGVzdC1vbmx5LWNvb2tpZS1rZXktMzItYnl0ZXMhISE=',
};

const request = (forwardedFor?: string) =>
  new HttpRequest({
    method: 'POST',
    url: 'http://localhost:7071/api/auth/token',
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });

describe('SignInProxy.client', () => {
  const lines: string[] = [];
  const proxy = new SignInProxy(
    loadConfig({ ...ENV, AUTH_TRUSTED_HOPS: '1' }),
    undefined,
    Date.now,
    (line) => lines.push(line),
  );

  it('counts an IPv4 client by its address and an IPv6 client by its /64', () => {
    expect(proxy.client(request('203.0.113.9, 10.0.0.2'))).toBe('203.0.113.9');
    expect(proxy.client(request('[2001:db8:1:2::99]:443, 10.0.0.2'))).toBe('2001:db8:1:2::/64');
    expect(proxy.client(request('2001:db8:1:2:ab::7, 10.0.0.2'))).toBe('2001:db8:1:2::/64');
  });

  it('puts requests without X-Forwarded-For in one bucket and warns once, naming AUTH_TRUSTED_HOPS', () => {
    expect(proxy.client(request())).toBe(UNKNOWN_CLIENT);
    expect(proxy.client(request())).toBe(UNKNOWN_CLIENT);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sign-in proxy: WARNING .*AUTH_TRUSTED_HOPS/u);
  });
});

describe('SignInProxy.accountOf', () => {
  it('names an account by the authority and the normalised username', () => {
    const proxy = new SignInProxy(loadConfig(ENV));
    expect(proxy.accountOf(' Alice@Contoso.COM ')).toBe(
      'http://localhost:7072/contoso.onmicrosoft.com/B2C_1_ROPC_Auth|alice@contoso.com',
    );
  });
});
