// Property-based round trip of the error envelope: whatever createNativeAuthErrorBody accepts,
// parseNativeAuthError reads back from the JSON text to the same fields, and the description keeps
// its four-line layout.
import fc from 'fast-check';
import {
  createNativeAuthErrorBody,
  formatNativeAuthTimestamp,
  type NativeAuthErrorBodyOptions,
} from './error-body-writer';
import { MAX_ERROR_CODES, parseNativeAuthError } from './native-auth-error';
import { MAX_LISTED_ATTRIBUTES } from './attribute-lists';
import { params } from '../../test/fixtures/hostile-input';

/** Any text, astral and control characters included. */
const text = fc.string({
  unit: fc.oneof(fc.constant('😀'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  minLength: 1,
  maxLength: 40,
});
/** Text for a line of the description: anything but CR and LF. */
const line = text.filter((value) => !/[\r\n]/u.test(value));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 5 });

const requiredAttribute = fc.record(
  {
    name: text,
    type: fc.string(),
    required: fc.boolean(),
    options: fc.record({ regex: fc.string() }),
  },
  { requiredKeys: ['name'] },
);
const invalidAttribute = fc.record({ name: text, reason: fc.string() }, { requiredKeys: ['name'] });

const options: fc.Arbitrary<NativeAuthErrorBodyOptions> = fc.record({
  error: text,
  suberror: maybe(text),
  codes: fc.array(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { maxLength: MAX_ERROR_CODES }),
  message: line,
  traceId: line,
  correlationId: line,
  timestamp: fc.date({
    min: new Date('0000-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
  continuationToken: maybe(text),
  requiredAttributes: maybe(list(requiredAttribute)),
  invalidAttributes: maybe(list(invalidAttribute)),
  unverifiedAttributes: maybe(list(fc.record({ name: text }))),
});

const defined = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

describe('createNativeAuthErrorBody (fast-check)', () => {
  it('writes what parseNativeAuthError reads back to the same fields', () => {
    fc.assert(
      fc.property(options, fc.integer({ min: 400, max: 599 }), (written, status) => {
        const body = createNativeAuthErrorBody(written);
        const read = parseNativeAuthError(JSON.parse(JSON.stringify(body)), { status });
        const [first] = written.codes;
        const timestamp = formatNativeAuthTimestamp(written.timestamp);
        expect(read).toEqual(
          defined({
            status,
            error: written.error,
            suberror: written.suberror,
            errorCodes: written.codes,
            description: [
              first === undefined ? written.message : `AADSTS${first}: ${written.message}`,
              `Trace ID: ${written.traceId}`,
              `Correlation ID: ${written.correlationId}`,
              `Timestamp: ${timestamp}`,
            ].join('\r\n'),
            traceId: written.traceId,
            correlationId: written.correlationId,
            timestamp,
            continuationToken: written.continuationToken,
            requiredAttributes: written.requiredAttributes,
            invalidAttributes: written.invalidAttributes,
            unverifiedAttributes: written.unverifiedAttributes,
          }),
        );
      }),
      params(),
    );
  });

  it('refuses, rather than writes, lists longer than a reader keeps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_ERROR_CODES + 1, max: 64 }),
        fc.integer({ min: MAX_LISTED_ATTRIBUTES + 1, max: 150 }),
        (codeCount, attributeCount) => {
          const base = {
            error: 'invalid_grant',
            message: 'm',
            traceId: 't',
            correlationId: 'c',
            timestamp: new Date(0),
          };
          expect(() =>
            createNativeAuthErrorBody({ ...base, codes: Array<number>(codeCount).fill(1) }),
          ).toThrow(TypeError);
          const items = Array.from({ length: attributeCount }, (_, i) => ({ name: `a${i}` }));
          expect(() =>
            createNativeAuthErrorBody({ ...base, codes: [], unverifiedAttributes: items }),
          ).toThrow(TypeError);
        },
      ),
      params(),
    );
  });
});
