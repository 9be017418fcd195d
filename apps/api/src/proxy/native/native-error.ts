import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { createNativeAuthErrorBody, nativeAuthError } from '@ropc/protocol/native-auth';
import { randomUUID } from 'node:crypto';
import { NO_STORE } from '../no-store';

/**
 * The native-authentication proxy's own refusals, in the native-auth error envelope
 * (docs/entra-native-auth-protocol.md §2.5) that MSAL's custom-auth client parses.
 */
export type NativeRefusal =
  /** Not one of the twelve V1 paths, or no External ID authority configured. */
  | { readonly kind: 'not_found' }
  | { readonly kind: 'cross_site' }
  | { readonly kind: 'passthrough_off' }
  | { readonly kind: 'bad_request'; readonly message: string }
  | { readonly kind: 'too_large' }
  | { readonly kind: 'unauthorized_client' }
  | { readonly kind: 'unsupported_grant_type' }
  /** A flow's start without a username: nothing to attribute it to. */
  | { readonly kind: 'invalid_username' }
  /** A missing, foreign, tampered or expired continuation-token wrapper. */
  | { readonly kind: 'invalid_continuation' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number; readonly reason: string }
  | { readonly kind: 'locked'; readonly retryAfterSeconds: number }
  | { readonly kind: 'unreachable'; readonly retryAfterSeconds: number }
  | { readonly kind: 'upstream_failed' }
  | { readonly kind: 'no_session' };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tracing fields of a refusal: the request's `client-request-id` echoed when it is a GUID. */
function tracing(request: HttpRequest | undefined) {
  const asked = request?.headers.get('client-request-id') ?? '';
  return {
    traceId: randomUUID(),
    correlationId: GUID.test(asked) ? asked : randomUUID(),
    timestamp: new Date(),
  };
}

function envelope(
  request: HttpRequest | undefined,
  status: number,
  fields: { error: string; codes?: readonly number[]; message: string; suberror?: string },
  headers: Record<string, string> = {},
): HttpResponseInit {
  const trace = tracing(request);
  const body = createNativeAuthErrorBody({
    ...trace,
    error: fields.error,
    codes: fields.codes ?? [],
    message: fields.message,
    ...(fields.suberror === undefined ? {} : { suberror: fields.suberror }),
  });
  return {
    status,
    headers: {
      ...NO_STORE,
      'Content-Type': 'application/json; charset=utf-8',
      'x-ms-request-id': trace.traceId,
      ...headers,
    },
    jsonBody: body,
  };
}

/** Writes a refusal: its status, the native-auth envelope, `Cache-Control: no-store`. */
export function nativeErrorResponse(
  refusal: NativeRefusal,
  request?: HttpRequest,
): HttpResponseInit {
  switch (refusal.kind) {
    case 'not_found':
      return envelope(request, 404, {
        error: 'invalid_request',
        message: 'Not a native authentication endpoint of this API.',
      });
    case 'cross_site':
      return envelope(request, 403, {
        error: 'access_denied',
        message:
          'Cross-site request refused: send X-Requested-With: XMLHttpRequest, or call from an allowed origin.',
      });
    case 'passthrough_off':
      return envelope(request, 403, {
        error: 'access_denied',
        message:
          'Pass-through is off: send X-Requested-With: XMLHttpRequest (the session is kept in a cookie).',
      });
    case 'bad_request':
      return envelope(request, 400, { error: 'invalid_request', message: refusal.message });
    case 'too_large':
      return envelope(request, 413, {
        error: 'invalid_request',
        message: 'The request body is too large.',
      });
    case 'unauthorized_client': {
      const trace = tracing(request);
      return {
        status: 400,
        headers: { ...NO_STORE, 'x-ms-request-id': trace.traceId },
        jsonBody: nativeAuthError('unknown_client', {
          ...trace,
          message: 'This proxy serves its own application only.',
        }),
      };
    }
    case 'unsupported_grant_type': {
      const trace = tracing(request);
      return {
        status: 400,
        headers: { ...NO_STORE, 'x-ms-request-id': trace.traceId },
        jsonBody: nativeAuthError('unsupported_grant_type', trace),
      };
    }
    case 'invalid_username': {
      const trace = tracing(request);
      return {
        status: 400,
        headers: { ...NO_STORE, 'x-ms-request-id': trace.traceId },
        jsonBody: nativeAuthError('invalid_username', trace),
      };
    }
    case 'invalid_continuation':
      return envelope(request, 400, {
        error: 'invalid_grant',
        codes: [55200],
        message: 'The continuation_token is invalid or expired.',
      });
    case 'throttled':
      return envelope(
        request,
        429,
        {
          error: 'temporarily_unavailable',
          suberror: refusal.reason,
          message: 'Too many requests. Please try again later.',
        },
        { 'Retry-After': String(refusal.retryAfterSeconds) },
      );
    case 'locked': {
      const trace = tracing(request);
      return {
        status: 400,
        headers: {
          ...NO_STORE,
          'x-ms-request-id': trace.traceId,
          'Retry-After': String(refusal.retryAfterSeconds),
        },
        jsonBody: nativeAuthError('locked', trace),
      };
    }
    case 'unreachable':
      return envelope(
        request,
        503,
        {
          error: 'temporarily_unavailable',
          message: 'The sign-in service is unreachable. Please try again in a moment.',
        },
        { 'Retry-After': String(refusal.retryAfterSeconds) },
      );
    case 'upstream_failed':
      return envelope(request, 502, {
        error: 'server_error',
        message: 'The sign-in service failed. Please try again later.',
      });
    case 'no_session':
      return envelope(request, 400, {
        error: 'invalid_grant',
        message: 'The session has ended or is not valid. Please sign in again.',
      });
  }
}
