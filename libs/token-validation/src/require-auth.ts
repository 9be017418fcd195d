import type {
  HttpRequest,
  HttpResponse,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';
import { bearerErrorResponse } from './bearer-error-response';
import { assertRequirements } from './check-requirements';
import type { TokenValidator } from './create-token-validator';
import { extractBearerToken, MAX_AUTHORIZATION_HEADER_LENGTH } from './extract-bearer-token';
import { TokenValidationError } from './token-validation-error';
import type { TokenRequirements, ValidatedToken } from './validated-token';

/** An @azure/functions v4 HTTP handler that also receives the caller's validated token. */
export type AuthenticatedHttpHandler = (
  request: HttpRequest,
  context: InvocationContext,
  auth: ValidatedToken,
) => Promise<HttpResponseInit | HttpResponse>;

/** Options of {@link requireAuth}. */
export interface RequireAuthOptions extends TokenRequirements {
  /** The challenge's `realm`. Default `api`. */
  readonly realm?: string;
  /** Longer `Authorization` headers are refused unparsed. Default 8,192 characters. */
  readonly maxAuthorizationHeaderLength?: number;
}

/** A quoted-string without `"`, `\` or control characters. */
const REALM = /^[\x20\x21\x23-\x5B\x5D-\x7E]*$/;

/**
 * Wraps a Functions HTTP handler so it runs only for a request with a valid Bearer token holding
 * every required scope and role. Otherwise it answers with {@link bearerErrorResponse}: 401 with a
 * challenge, 403 `insufficient_scope`, or 503 with `Retry-After` while no keys can be had. Logs
 * the error code of a refusal, never the token. Errors of the handler itself propagate.
 */
export function requireAuth(
  validator: TokenValidator,
  handler: AuthenticatedHttpHandler,
  options: RequireAuthOptions = {},
): (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit | HttpResponse> {
  const { realm = 'api', maxAuthorizationHeaderLength = MAX_AUTHORIZATION_HEADER_LENGTH } = options;
  if (typeof realm !== 'string' || !REALM.test(realm)) {
    throw new TypeError('realm must be printable ASCII without quotes or backslashes');
  }
  const requirements: TokenRequirements = {
    ...(options.scopes && { scopes: [...options.scopes] }),
    ...(options.roles && { roles: [...options.roles] }),
  };
  assertRequirements(requirements);
  return async (request, context) => {
    let auth: ValidatedToken;
    try {
      const authorization = request.headers.get('authorization');
      const token = extractBearerToken(authorization, maxAuthorizationHeaderLength);
      auth = await validator.validate(token, requirements);
    } catch (error) {
      if (!(error instanceof TokenValidationError)) throw error;
      logRefusal(context, error);
      return bearerErrorResponse(error, realm);
    }
    return handler(request, context, auth);
  };
}

function logRefusal(context: InvocationContext, error: TokenValidationError): void {
  if (error.code === 'ERR_METADATA_UNAVAILABLE') {
    // The detail names the failing fetch (endpoint kind and status), which operators need.
    context.warn(`bearer token not checked: ${error.code} (${error.detail ?? 'no detail'})`);
  } else {
    context.debug(`bearer token refused: ${error.code}`);
  }
}
