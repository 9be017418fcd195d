// Property-based fuzzing of the protocol's parsers: whatever a client sends, they answer with a
// value or a typed error, never a throw, and what they encode they decode to the same request.
import { fuzzParameters } from '@ropc/fuzz-testing';
import fc from 'fast-check';
import { buildEndpointUrl, parseAuthority, parseEndpointUrl } from './endpoints';
import { parseErrorDescription } from './error-response';
import { decodeTokenRequest, encodeTokenRequest, parseFormBody } from './form-codec';
import { formDecodeErrorAnswer } from './form-decode-error-code';
import type { TokenRequest } from './token-request';

const RUNS = 400;
const params = <T>() => fuzzParameters<T>(process.env, RUNS);

/**
 * Characters a careless or hostile client puts in a form: separators, escapes, astral, controls.
 */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('&', '=', '%', '+', ' ', '%2', '%zz', '%C3', '%FF', '\u0000', '\uD800', '😀'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 200,
});

/** A form body built from hostile names and values, sometimes well-formed. */
const formBody = fc.oneof(
  hostileText,
  fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'grant_type',
          'username',
          'password',
          'scope',
          'client_id',
          'refresh_token',
          'x',
        ),
        hostileText,
      ),
      { maxLength: 8 },
    )
    .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('&')),
  fc.uint8Array({ maxLength: 300 }),
);

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

  it('decodes what it encodes to the same request', () => {
    const value = fc.string({ minLength: 1, maxLength: 60 });
    const request: fc.Arbitrary<TokenRequest> = fc.oneof(
      fc.record({
        grant_type: fc.constant('password' as const),
        client_id: value,
        username: value,
        password: value,
        scope: value,
      }),
      fc.record({
        grant_type: fc.constant('refresh_token' as const),
        client_id: value,
        refresh_token: value,
      }),
    );
    fc.assert(
      fc.property(request, (sent) => {
        const decoded = decodeTokenRequest(encodeTokenRequest(sent));
        expect(decoded).toEqual({ ok: true, request: sent });
      }),
      params(),
    );
  });

  it('parses any body into fields or refuses it, never throwing', () => {
    fc.assert(
      fc.property(formBody, (body) => {
        const parsed = parseFormBody(body);
        if (parsed) for (const value of parsed.fields.values()) expect(typeof value).toBe('string');
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
