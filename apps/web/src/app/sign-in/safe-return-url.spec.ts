import { safeReturnUrl } from './safe-return-url';

describe('safeReturnUrl', () => {
  it.each(['/notes', '/profile', '/notes?sort=new#top', '/a/b/c'])(
    'keeps the app path %s',
    (url) => {
      expect(safeReturnUrl(url)).toBe(url);
    },
  );

  it.each([
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a tab the URL parser drops', '/\t/evil.example'],
    ['an absolute URL', 'https://evil.example/notes'],
    ['a script URL', 'javascript:alert(1)'],
    ['a relative path', 'notes'],
    ['the sign-in page itself', '/sign-in?returnUrl=/notes'],
    ['the sign-up page', '/sign-up'],
    ['the password reset page', '/reset-password?returnUrl=/notes'],
    ['an empty value', ''],
    ['no value', undefined],
    ['a repeated query parameter', ['/notes', '/profile']],
  ])('refuses %s', (_case, url) => {
    expect(safeReturnUrl(url)).toBe('/notes');
  });
});
