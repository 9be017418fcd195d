import { B2C_ERROR_CLASSES, isKnownB2CErrorCode, type B2CErrorClass } from './b2c-error-classes';
import { B2C_ERROR_CODES, formatB2CMessage } from './b2c-error-codes';
import {
  createErrorResponseBody,
  formatB2CTimestamp,
  formatErrorDescription,
} from './error-response-writer';
import { classifyError, parseErrorDescription } from './error-response';
import { FILLED_MESSAGES, INVALID_CREDENTIALS_ERROR } from '../../test/fixtures/reference-examples';

describe('parseErrorDescription', () => {
  it('splits the observed AADB2C90225 answer into code, message, correlation id and timestamp', () => {
    expect(parseErrorDescription(INVALID_CREDENTIALS_ERROR.error_description)).toEqual({
      code: 'AADB2C90225',
      message: 'The username or password provided in the request are invalid.',
      correlationId: '9b3c19e2-5f1d-4b8e-a2c4-7d9e0f1a2b3c',
      timestamp: '2019-01-30 13:35:09Z',
    });
  });

  it('reads a description without a code as a plain message', () => {
    expect(parseErrorDescription('Something failed')).toEqual({ message: 'Something failed' });
  });

  it('accepts \\n line breaks as well as \\r\\n', () => {
    expect(
      parseErrorDescription(
        'AADB2C90129: Revoked.\nCorrelation ID: abc\nTimestamp: 2026-01-01 00:00:00Z',
      ),
    ).toEqual({
      code: 'AADB2C90129',
      message: 'Revoked.',
      correlationId: 'abc',
      timestamp: '2026-01-01 00:00:00Z',
    });
  });
});

describe('createErrorResponseBody', () => {
  it('writes exactly two fields with the three \\r\\n lines and a trailing \\r\\n', () => {
    const body = createErrorResponseBody({
      code: 'AADB2C90225',
      correlationId: '9b3c19e2-5f1d-4b8e-a2c4-7d9e0f1a2b3c',
      timestamp: new Date('2019-01-30T13:35:09.123Z'),
    });
    expect(body).toEqual(INVALID_CREDENTIALS_ERROR);
    expect(Object.keys(body)).toEqual(['error', 'error_description']);
  });

  it('fills placeholders and keeps the chosen error value', () => {
    const body = createErrorResponseBody({
      code: 'AADB2C90088',
      message: formatB2CMessage('AADB2C90088', 'B2C_1_ROPC_Auth', 'B2C_1_Other'),
      correlationId: 'c',
      timestamp: new Date(0),
    });
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description.split('\r\n')[0]).toBe(FILLED_MESSAGES.wrongPolicy);
  });
});

describe('formatErrorDescription', () => {
  it('writes a codeless first line in the same layout, which the parser reads back', () => {
    const description = formatErrorDescription('The sign-in service failed.', 'c-1', new Date(0));
    expect(description).toBe(
      'The sign-in service failed.\r\nCorrelation ID: c-1\r\nTimestamp: 1970-01-01 00:00:00Z\r\n',
    );
    expect(parseErrorDescription(description)).toEqual({
      message: 'The sign-in service failed.',
      correlationId: 'c-1',
      timestamp: '1970-01-01 00:00:00Z',
    });
  });
});

describe('formatB2CMessage', () => {
  it('fills the AADB2C90080 times as epoch seconds', () => {
    expect(
      `AADB2C90080: ${formatB2CMessage('AADB2C90080', 1764003600, 1764000000, 1764001800)}`,
    ).toBe(FILLED_MESSAGES.grantExpired);
  });
});

describe('formatB2CTimestamp', () => {
  it('writes yyyy-MM-dd HH:mm:ssZ in UTC', () => {
    expect(formatB2CTimestamp(new Date('2026-11-25T08:09:10.999Z'))).toBe('2026-11-25 08:09:10Z');
  });
});

describe('classifyError', () => {
  const expected: Record<B2CErrorClass, string[]> = {
    invalid_credentials: ['AADB2C90225', 'AADB2C90052', 'AADB2C90053', 'AADB2C90054'],
    locked_out: ['AADB2C90114', 'AADB2C90111'],
    throttled: ['AADB2C90244', 'AADB2C90229'],
    interaction_required: ['AADB2C90085'],
    grant_expired_or_revoked: [
      'AADB2C90080',
      'AADB2C90129',
      'AADB2C90128',
      'AADB2C90088',
      'AADB2C90087',
      'AADB2C90279',
      'AADB2C90090',
    ],
    invalid_client: [
      'AADB2C90018',
      'AADB2C90285',
      'AADB2C90068',
      'AADB2C90092',
      'AADB2C90224',
      'AADB2C90248',
      'AADB2C90057',
      'AADB2C90058',
      'AADB2C90081',
    ],
    invalid_scope: [
      'AADB2C90012',
      'AADB2C90117',
      'AADB2C90055',
      'AADB2C90056',
      'AADB2C90146',
      'AADB2C99005',
    ],
    invalid_request: [
      'AADB2C90086',
      'AADB2C90083',
      'AADB2C90008',
      'AADB2C90010',
      'AADB2C90084',
      'AADB2C90079',
      'AADB2C90110',
      'AADB2C90123',
      'AADB2C90107',
      'AADB2C90013',
      'AADB2C90226',
      'AADB2C90066',
      'AADB2C90251',
    ],
    server_error: ['AADB2C90035', 'AADB2C99015'],
  };

  it('covers every code of the reference table exactly once, with a message for each', () => {
    expect(Object.values(expected).flat().sort()).toEqual(Object.keys(B2C_ERROR_CLASSES).sort());
    expect(Object.keys(B2C_ERROR_CODES).sort()).toEqual(Object.keys(B2C_ERROR_CLASSES).sort());
  });

  it.each(
    Object.entries(expected).flatMap(([errorClass, codes]) =>
      codes.map((code) => [code, errorClass]),
    ),
  )('classifies %s as %s', (code, errorClass) => {
    expect(classifyError('invalid_request', code)).toBe(errorClass);
  });

  it.each([
    ['invalid_grant', 'grant_expired_or_revoked'],
    ['access_denied', 'invalid_credentials'],
    ['temporarily_unavailable', 'server_error'],
    ['something_new', 'server_error'],
  ])('falls back to the error value %s without a known code', (error, errorClass) => {
    expect(classifyError(error, 'AADB2C99999')).toBe(errorClass);
  });

  it('knows the registry codes only', () => {
    expect(isKnownB2CErrorCode('AADB2C90225')).toBe(true);
    expect(isKnownB2CErrorCode('toString')).toBe(false);
  });
});
