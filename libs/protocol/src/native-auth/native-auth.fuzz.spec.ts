// Property-based fuzzing of the native-auth part: whatever a server answers, the parsers and the
// classifier give a value and never throw; what the encoders write, the decoders read back.
import fc from 'fast-check';
import { classifyNativeAuthError, classifyNativeAuthFailure } from './classify-error';
import { parseChallengeTypes } from './challenge-types';
import { decodeClientInfo, encodeClientInfo } from './client-info';
import { decodeNativeAuthBody, encodeNativeAuthBody } from './form-body';
import { parseNativeAuthError } from './native-auth-error';
import { interpretNativeAuthAnswer } from './native-auth-outcome';
import { NATIVE_AUTH_RESPONSE_PARSERS } from './response-parsers';
import type { SuccessParser } from './response-problem';
import { decodeUserAttributes, encodeUserAttributes } from './user-attributes';
import { hostileText, params } from '../../test/fixtures/hostile-input';

/** Error-shaped JSON with hostile field values, so the parser's every branch is reached. */
const errorLike = fc.record(
  {
    error: fc.oneof(
      fc.constantFrom('invalid_grant', 'invalid_request', 'constructor'),
      fc.jsonValue(),
    ),
    suberror: fc.oneof(
      fc.constantFrom('invalid_oob_value', 'password_too_weak', '__proto__'),
      fc.jsonValue(),
    ),
    error_codes: fc.oneof(
      fc.array(fc.oneof(fc.integer(), fc.constantFrom(50126, 50053, 90100))),
      fc.jsonValue(),
    ),
    error_description: fc.oneof(hostileText, fc.jsonValue()),
    continuation_token: fc.jsonValue(),
    required_attributes: fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue()),
    invalid_attributes: fc.oneof(fc.array(fc.oneof(fc.string(), fc.object())), fc.jsonValue()),
    unverified_attributes: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

const anyBody = fc.oneof(fc.jsonValue(), fc.anything(), errorLike);
const endpoints = Object.keys(
  NATIVE_AUTH_RESPONSE_PARSERS,
) as (keyof typeof NATIVE_AUTH_RESPONSE_PARSERS)[];

describe('native-auth fuzz (fast-check)', () => {
  it('reads any value as an error or not, and classifies every error it reads', () => {
    fc.assert(
      fc.property(anyBody, fc.integer({ min: 100, max: 599 }), (body, status) => {
        const error = parseNativeAuthError(body, { status });
        if (error !== undefined) expect(typeof classifyNativeAuthError(error)).toBe('string');
      }),
      params(),
    );
  });

  it('turns any answer to any endpoint into an outcome, never throwing', () => {
    const text = fc.oneof(
      hostileText,
      fc.jsonValue().map((value) => JSON.stringify(value)),
      errorLike.map((value) => JSON.stringify(value)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...endpoints),
        fc.integer({ min: 100, max: 599 }),
        text,
        (endpoint, status, body) => {
          const parser = NATIVE_AUTH_RESPONSE_PARSERS[endpoint] as SuccessParser<unknown>;
          const outcome = interpretNativeAuthAnswer({ status, text: body }, parser);
          if (outcome.kind !== 'success')
            expect(typeof classifyNativeAuthFailure(outcome)).toBe('string');
        },
      ),
      params(),
    );
  });

  it('decodes every body it encodes to the same fields, in order', () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 });
    const value = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, value), { selector: ([key]) => key, maxLength: 8 }),
        (pairs) => {
          const decoded = decodeNativeAuthBody(encodeNativeAuthBody(Object.fromEntries(pairs)));
          expect(decoded.ok && [...decoded.fields]).toEqual(pairs);
        },
      ),
      params(),
    );
  });

  it('reads back encoded attributes and client_info, and refuses junk without throwing', () => {
    const attributeName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,30}$/u);
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    fc.assert(
      fc.property(
        fc.dictionary(attributeName, text, { maxKeys: 10 }),
        text,
        text,
        hostileText,
        (attributes, uid, utid, junk) => {
          expect(decodeUserAttributes(encodeUserAttributes(attributes))).toEqual({
            ok: true,
            attributes,
          });
          expect(decodeClientInfo(encodeClientInfo({ uid, utid }))).toEqual({ uid, utid });
          decodeUserAttributes(junk);
          decodeClientInfo(junk);
          decodeNativeAuthBody(junk);
          parseChallengeTypes(junk);
        },
      ),
      params(),
    );
  });
});
