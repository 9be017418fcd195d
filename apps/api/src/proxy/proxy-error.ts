import type { HttpResponseInit } from '@azure/functions';
import {
  createErrorResponseBody,
  formatB2CMessage,
  formatErrorDescription,
  type B2CErrorCode,
  type ErrorResponseBody,
  type OAuthErrorValue,
  type ProxyRefusalReason,
} from '@ropc/protocol';
import { randomUUID } from 'node:crypto';
import { NO_STORE } from './no-store';

/**
 * The sign-in proxy's own refusals, in B2C's two-field error shape (docs/architecture.md's table).
 */
export type ProxyRefusal =
  | { readonly kind: 'cross_site' }
  /** No B2C authority is configured (an External ID-only API): the proxy has nowhere to forward. */
  | { readonly kind: 'not_configured' }
  | { readonly kind: 'no_session' }
  | {
      readonly kind: 'throttled';
      readonly retryAfterSeconds: number;
      /**
       * `account_protected`: only known devices may try this account for now
       * (docs/architecture.md).
       */
      readonly reason: ProxyRefusalReason;
    }
  | { readonly kind: 'authority_locked'; readonly retryAfterSeconds: number }
  | { readonly kind: 'unreachable'; readonly retryAfterSeconds?: number }
  | { readonly kind: 'storage_unavailable'; readonly retryAfterSeconds: number }
  | { readonly kind: 'upstream_failed' }
  | {
      readonly kind: 'b2c';
      readonly code: B2CErrorCode;
      readonly status: number;
      readonly message?: string;
      readonly args?: readonly string[];
    };

function plainBody(error: OAuthErrorValue, text: string, correlationId: string): ErrorResponseBody {
  return {
    error,
    error_description: formatErrorDescription(text, correlationId, new Date()),
  };
}

function answer(
  status: number,
  body: ErrorResponseBody,
  headers: Record<string, string> = {},
): HttpResponseInit {
  return { status, headers: { ...NO_STORE, ...headers }, jsonBody: body };
}

/** Writes a refusal: its status, B2C's error body, `Cache-Control: no-store`. */
export function proxyErrorResponse(
  refusal: ProxyRefusal,
  correlationId: string = randomUUID(),
): HttpResponseInit {
  const timestamp = new Date();
  switch (refusal.kind) {
    case 'cross_site':
      return answer(
        403,
        plainBody(
          'access_denied',
          'Cross-site request refused: send X-Requested-With: XMLHttpRequest from an allowed origin.',
          correlationId,
        ),
      );
    case 'not_configured':
      return answer(
        404,
        plainBody(
          'invalid_request',
          'This API has no sign-in proxy: it is not configured for Azure AD B2C.',
          correlationId,
        ),
      );
    case 'no_session':
      return answer(
        400,
        createErrorResponseBody({
          code: 'AADB2C90129',
          correlationId,
          timestamp,
          message: 'The session has ended or is not valid. Please sign in again.',
        }),
      );
    case 'throttled':
      return answer(
        429,
        {
          ...createErrorResponseBody({ code: 'AADB2C90244', correlationId, timestamp }),
          reason: refusal.reason,
        },
        { 'Retry-After': String(refusal.retryAfterSeconds) },
      );
    case 'authority_locked':
      // What the authority answered for this account, repeated until its lock ends.
      return answer(
        400,
        createErrorResponseBody({ code: 'AADB2C90114', correlationId, timestamp }),
        {
          'Retry-After': String(refusal.retryAfterSeconds),
        },
      );
    case 'unreachable':
      return answer(
        503,
        plainBody(
          'temporarily_unavailable',
          'The sign-in service is unreachable. Please try again in a moment.',
          correlationId,
        ),
        { 'Retry-After': String(refusal.retryAfterSeconds ?? 5) },
      );
    case 'storage_unavailable':
      return answer(
        503,
        plainBody(
          'temporarily_unavailable',
          'The sign-in service is temporarily unavailable. Please try again in a moment.',
          correlationId,
        ),
        { 'Retry-After': String(refusal.retryAfterSeconds) },
      );
    case 'upstream_failed':
      return answer(
        502,
        plainBody(
          'server_error',
          'The sign-in service failed. Please try again later.',
          correlationId,
        ),
      );
    case 'b2c':
      return answer(
        refusal.status,
        createErrorResponseBody({
          code: refusal.code,
          correlationId,
          timestamp,
          message: refusal.message ?? formatB2CMessage(refusal.code, ...(refusal.args ?? [])),
        }),
      );
  }
}
