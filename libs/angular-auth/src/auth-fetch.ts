import { InjectionToken } from '@angular/core';

/**
 * The Fetch API the token calls use. Token calls bypass `HttpClient` on purpose: no interceptor
 * (this library's or the app's) ever sees a password or a token response. Replaceable in tests.
 */
export const AUTH_FETCH = new InjectionToken<typeof fetch>('AUTH_FETCH', {
  providedIn: 'root',
  // Looked up per call, not at injection, so server rendering and test stubs both work.
  factory: () => (input, init) => fetch(input, init),
});
