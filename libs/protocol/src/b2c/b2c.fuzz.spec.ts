// Property-based fuzzing of the B2C part's parsers: whatever a client sends, they answer with a
// value or a typed error, never a throw (the form codec's own properties are in
// oauth/form-codec.fuzz.spec.ts).
import fc from 'fast-check';
import { decodeTokenRequest } from '../oauth/form-codec';
import { buildEndpointUrl, parseAuthority, parseEndpointUrl } from './endpoints';
import { parseErrorDescription } from './error-response';
import { formDecodeErrorAnswer } from './form-decode-error-answer';
import { formBody, hostileText, params } from '../../test/fixtures/hostile-input';

const FORM_ERRORS = new Set([
  'invalid_encoding',
  'missing_parameter',
  'duplicate_parameter',
  'unsupported_grant_type',
  'body_too_large',
]);

describe('protocol fuzz (fast-check)', () => {
  it('decodes any body to a request or a typed error with a B2C answer, never throwing', () => {
    fc.assert(
      fc.property(formBody, (body) => {
        const result = decodeTokenRequest(body, { maxBytes: 256 });
        if (result.ok) {
          expect(['password', 'refresh_token']).toContain(result.request.grant_type);
          return;
        }
        expect(FORM_ERRORS.has(result.error.code)).toBe(true);
        const answer = formDecodeErrorAnswer(result.error, 256);
        expect(answer.code).toMatch(/^AADB2C9\d{4}$/u);
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
      }),
      params(),
    );
  });

  it('parses any URL or authority to a value or undefined, and round-trips the URLs it builds', () => {
    const segment = fc.string({ minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.webUrl()), segment, (text, policy) => {
        expect(() => parseEndpointUrl(text)).not.toThrow();
        expect(() => parseAuthority(text)).not.toThrow();
        const tenant = 'contoso.onmicrosoft.com';
        const url = buildEndpointUrl({
          origin: 'https://contoso.b2clogin.com',
          tenant,
          policy: `B2C_1_${policy.replace(/[^\w]/gu, 'x')}`,
          kind: 'token',
        });
        expect(parseEndpointUrl(url)).toMatchObject({ tenant, kind: 'token' });
      }),
      params(),
    );
  });

  it('parses any error description into parts, never throwing', () => {
    fc.assert(
      fc.property(hostileText, (description) => {
        expect(typeof parseErrorDescription(description).message).toBe('string');
      }),
      params(),
    );
  });
});
