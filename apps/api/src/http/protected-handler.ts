import {
  requireAuth,
  type AuthenticatedHttpHandler,
  type RequireAuthOptions,
} from '@ropc/token-validation';
import { getApi } from '../api-instance';

/**
 * Guards a handler with the API's token validator (RFC 6750 answers). The guard is built on the
 * first request, once the configuration is loaded, and reused after.
 */
export function protectedHandler(
  handler: AuthenticatedHttpHandler,
  options: RequireAuthOptions = {},
): ReturnType<typeof requireAuth> {
  let guarded: ReturnType<typeof requireAuth> | undefined;
  return async (request, context) => {
    guarded ??= requireAuth((await getApi()).validator, handler, { realm: 'api', ...options });
    return guarded(request, context);
  };
}
