import {
  HttpErrorResponse,
  type HttpEvent,
  type HttpInterceptorFn,
  type HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, defer, switchMap, throwError, type Observable } from 'rxjs';
import { isAuthError } from './auth-error';
import { AuthConfigHolder } from './auth-config-holder';
import { AuthSession } from './auth-session';
import { AuthState } from './auth-state';
import { ProtectedResources } from './protected-resources';
import { redirectToSignIn } from './sign-in-redirect';
import { SKIP_AUTH } from './skip-auth';
import { newTraceparent } from './trace-parent';
import { isInvalidTokenChallenge } from './www-authenticate';

/**
 * The request as it goes to a protected resource: the access token, and a fresh W3C
 * `traceparent` (unless the app set one) so the API's spans of it share one trace id.
 */
function withBearer(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  const headers: Record<string, string> = {};
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  if (!request.headers.has('traceparent')) headers['traceparent'] = newTraceparent();
  return request.clone({ setHeaders: headers });
}

/**
 * Attaches `Authorization: Bearer` and a fresh `traceparent` to requests for the configured
 * protected resources only (exact origin plus path prefix; never the auth endpoints),
 * refreshing ahead of expiry with one refresh shared by all requests. A 401 with
 * `error="invalid_token"` gets one refresh and one retry; a second 401 goes to the caller. When
 * the session has ended (`invalid_grant` and the like) the user is sent to the sign-in page with
 * `returnUrl`, and the request fails with an `HttpErrorResponse` (status 0) whose `error` is the
 * `RopcAuthError`. Opt out with {@link SKIP_AUTH}.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.context.get(SKIP_AUTH) || !inject(ProtectedResources).matches(request.url)) {
    return next(request);
  }
  const session = inject(AuthSession);
  const state = inject(AuthState);
  const onSessionEnded = sessionEndedHandler();
  let sentToken: string | null = null;

  const send = (token: () => Promise<string | null>): Observable<HttpEvent<unknown>> =>
    defer(token).pipe(
      catchError((error: unknown) =>
        throwError(() => requestFailure(request, error, onSessionEnded)),
      ),
      switchMap((value) => {
        sentToken = value;
        return next(withBearer(request, value));
      }),
    );

  return send(() => session.accessToken()).pipe(
    catchError((error: unknown) =>
      sentToken !== null && isInvalidTokenChallenge(error)
        ? send(() => renewedToken(session, state, sentToken))
        : throwError(() => error),
    ),
  );
};

/** A fresh token after a 401: refreshes unless another request already replaced the token. */
async function renewedToken(
  session: AuthSession,
  state: AuthState,
  rejected: string | null,
): Promise<string | null> {
  if (state.accessToken === rejected) await session.refresh();
  return state.accessToken;
}

function sessionEndedHandler(): () => void {
  const router = inject(Router, { optional: true });
  const configHolder = inject(AuthConfigHolder);
  return () => {
    if (router) redirectToSignIn(router, configHolder.get().signInPath);
  };
}

function requestFailure(
  request: HttpRequest<unknown>,
  error: unknown,
  onSessionEnded: () => void,
): unknown {
  if (!isAuthError(error)) return error;
  if (error.kind === 'session_expired') onSessionEnded();
  return new HttpErrorResponse({ error, status: 0, url: request.urlWithParams });
}
