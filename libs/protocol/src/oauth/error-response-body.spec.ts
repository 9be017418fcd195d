import { isErrorResponseBody } from './error-response-body';
import { INVALID_CREDENTIALS_ERROR } from '../../test/fixtures/reference-examples';

describe('isErrorResponseBody', () => {
  it('requires string error and error_description', () => {
    expect(isErrorResponseBody(INVALID_CREDENTIALS_ERROR)).toBe(true);
    expect(isErrorResponseBody({ error: 'x' })).toBe(false);
    expect(isErrorResponseBody(null)).toBe(false);
  });
});
