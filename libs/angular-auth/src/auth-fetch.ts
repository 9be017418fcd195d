import { DOCUMENT, InjectionToken, inject } from '@angular/core';
import { traceSameOriginFetch } from './trace-same-origin-fetch';

/**
 * The Fetch API the token calls use. Token calls bypass `HttpClient` on purpose: no interceptor
 * (this library's or the app's) ever sees a password or a token response. Calls to the page's
 * own origin (the sign-in proxy) carry a fresh W3C `traceparent`, calls elsewhere none.
 * Replaceable in tests.
 */
export const AUTH_FETCH = new InjectionToken<typeof fetch>('AUTH_FETCH', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    // Looked up per call, not at injection, so server rendering and test stubs both work.
    return traceSameOriginFetch(
      (input, init) => fetch(input, init),
      // No location when rendered on a server: nothing is traced there.
      () => (document.location as Location | undefined)?.origin,
    );
  },
});
