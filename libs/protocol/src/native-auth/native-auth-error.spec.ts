import { MAX_ERROR_CODES, parseNativeAuthError } from './native-auth-error';

describe('parseNativeAuthError', () => {
  it('reads every field of the envelope', () => {
    expect(
      parseNativeAuthError(
        {
          error: 'attributes_required',
          error_description: 'AADSTS55106: User attributes required.',
          error_codes: [55106],
          suberror: 'x',
          timestamp: '2026-12-07 10:15:00Z',
          trace_id: 'trace',
          correlation_id: 'correlation',
          continuation_token: 'ct',
          required_attributes: [{ name: 'city', required: true }],
          invalid_attributes: [{ name: 'postalCode' }],
          unverified_attributes: [{ name: 'email' }],
        },
        { status: 400, retryAfterSeconds: 5 },
      ),
    ).toEqual({
      status: 400,
      error: 'attributes_required',
      suberror: 'x',
      errorCodes: [55106],
      description: 'AADSTS55106: User attributes required.',
      traceId: 'trace',
      correlationId: 'correlation',
      timestamp: '2026-12-07 10:15:00Z',
      continuationToken: 'ct',
      requiredAttributes: [{ name: 'city', required: true }],
      invalidAttributes: [{ name: 'postalCode' }],
      unverifiedAttributes: [{ name: 'email' }],
      retryAfterSeconds: 5,
    });
  });

  it('needs only a string error; status defaults to 400, codes to [] and the description to ""', () => {
    expect(parseNativeAuthError({ error: 'invalid_request' })).toEqual({
      status: 400,
      error: 'invalid_request',
      errorCodes: [],
      description: '',
    });
  });

  it('leaves out fields of the wrong type instead of failing the answer', () => {
    expect(
      parseNativeAuthError({
        error: 'invalid_grant',
        error_description: 42,
        error_codes: [50126, '50053', -1, 1.5, null],
        suberror: ['invalid_oob_value'],
        continuation_token: '',
        required_attributes: 'city',
      }),
    ).toEqual({ status: 400, error: 'invalid_grant', errorCodes: [50126], description: '' });
  });

  it(`keeps at most ${MAX_ERROR_CODES} codes`, () => {
    const codes = Array.from({ length: 1000 }, (_, index) => index);
    expect(parseNativeAuthError({ error: 'e', error_codes: codes })?.errorCodes).toHaveLength(
      MAX_ERROR_CODES,
    );
  });

  it.each([
    null,
    'invalid_grant',
    [],
    [{ error: 'x' }],
    {},
    { error: '' },
    { error: 1 },
    { error_description: 'x' },
  ])('is undefined for %j, which is not an error body', (body) => {
    expect(parseNativeAuthError(body)).toBeUndefined();
  });
});
