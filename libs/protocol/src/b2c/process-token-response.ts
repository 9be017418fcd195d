import { processTokenEndpointResponse, type TokenResponse } from '../oauth/token-response';
import { ResponseBodyError } from './response-body-error';

/**
 * Checks the answer of a B2C token endpoint (or of the sign-in proxy, which relays B2C's): a 200
 * becomes a normalised {@link TokenResponse}; an OAuth error body becomes a {@link
 * ResponseBodyError}; anything else a `NonConformingResponseError`.
 */
export function processTokenResponse(response: Response): Promise<TokenResponse> {
  return processTokenEndpointResponse(
    response,
    (status, body, retryAfterSeconds) => new ResponseBodyError(status, body, retryAfterSeconds),
  );
}
