import { HttpContextToken } from '@angular/common/http';

/**
 * Set on a request's `HttpContext` to keep {@link authInterceptor} away from it: no token is
 * attached and a 401 is not retried.
 *
 * @example http.get('/api/health', { context: new HttpContext().set(SKIP_AUTH, true) })
 */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);
