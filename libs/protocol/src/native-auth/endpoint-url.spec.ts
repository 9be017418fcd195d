import { buildNativeAuthUrl } from './endpoint-url';
import { ENDPOINT_URLS } from '../../test/fixtures/native-auth/reference-urls';

describe('buildNativeAuthUrl', () => {
  it.each(ENDPOINT_URLS)('puts $endpoint after $baseUrl', ({ baseUrl, endpoint, url }) => {
    expect(buildNativeAuthUrl(baseUrl, endpoint)).toBe(url);
  });

  it('adds query parameters, as MSAL adds customAuthApiQueryParams', () => {
    expect(
      buildNativeAuthUrl('http://localhost:3001/api', 'signUpStart', {
        dc: 'ESTS-PUB',
        'a b': '&',
      }),
    ).toBe('http://localhost:3001/api/signup/v1.0/start?dc=ESTS-PUB&a+b=%26');
  });

  it('refuses a base that is not an absolute URL', () => {
    expect(() => buildNativeAuthUrl('/api', 'token')).toThrow(TypeError);
  });
});
