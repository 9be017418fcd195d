// X-Forwarded-For, Set-Cookie formatting and Set-Cookie counting, without a server.
import { appendForwardedFor } from '../src/http/append-forwarded-for';
import { countSetCookieHeaders } from '../src/http/count-set-cookie-headers';
import { formatSetCookie } from '../src/http/format-set-cookie';

describe('appendForwardedFor', () => {
  it.each([
    [undefined, '::ffff:10.1.2.3', '10.1.2.3'],
    [undefined, '::1', '::1'],
    [undefined, '10.1.2.3:51234', '10.1.2.3'],
    [undefined, '[2001:db8::1]:443', '2001:db8::1'],
    ['203.0.113.7', '127.0.0.1', '203.0.113.7, 127.0.0.1'],
    ['  ', '127.0.0.1', '127.0.0.1'],
    ['203.0.113.7', undefined, '203.0.113.7'],
  ])('%s + %s → %s', (existing, remote, expected) => {
    expect(appendForwardedFor(existing, remote)).toBe(expected);
  });
});

describe('formatSetCookie', () => {
  it('writes ASP.NET-style attributes with path=/ by default', () => {
    expect(formatSetCookie({ name: 'a', value: "x!'()*y" })).toBe('a=x%21%27%28%29%2Ay; path=/');
    expect(
      formatSetCookie({
        name: 'b',
        value: 'v',
        expires: { value: { seconds: 0 } },
        maxAge: { value: 90.7 },
        domain: { value: 'example.test' },
        path: { value: '/p' },
        secure: { value: true },
        httpOnly: { value: false },
        sameSite: 'strict',
      }),
    ).toBe(
      'b=v; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=90; domain=example.test; path=/p; secure; samesite=strict',
    );
    expect(formatSetCookie({ name: 'c', value: '', sameSite: 'explicitNone' })).toBe(
      'c=; path=/; samesite=none',
    );
  });
});

describe('countSetCookieHeaders', () => {
  it('counts Set-Cookie in Headers, header arrays and plain objects', () => {
    const headers = new Headers();
    headers.append('set-cookie', 'a=1');
    headers.append('Set-Cookie', 'b=2');
    expect(countSetCookieHeaders({ headers })).toBe(2);
    expect(
      countSetCookieHeaders({
        headers: [
          ['Set-Cookie', 'a=1'],
          ['set-cookie', 'b=2'],
        ],
      }),
    ).toBe(2);
    expect(countSetCookieHeaders({ headers: { 'set-cookie': 'a=1' } })).toBe(1);
    expect(countSetCookieHeaders('text')).toBe(0);
    expect(countSetCookieHeaders({ headers: 5 })).toBe(0);
  });
});
