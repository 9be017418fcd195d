// Property-based fuzzing of the form codec: whatever a client sends, the parser answers with
// fields or a refusal, never a throw, and what the codec encodes it decodes to the same request.
import fc from 'fast-check';
import { decodeTokenRequest, encodeTokenRequest, parseFormBody } from './form-codec';
import type { TokenRequest } from './token-request';
import { formBody, params } from '../../test/fixtures/hostile-input';

describe('protocol fuzz (fast-check)', () => {
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
});
