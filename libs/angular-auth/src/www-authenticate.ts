import { HttpErrorResponse } from '@angular/common/http';

const INVALID_TOKEN = /(?:^|[\s,])error\s*=\s*"?invalid_token"?(?:$|[\s,])/i;

/**
 * True for a 401 whose `WWW-Authenticate` challenge says `error="invalid_token"` (RFC 6750 §3.1):
 * the token expired or was refused, so a fresh one may help. A 401 without it (no token sent,
 * or `insufficient_scope`) will not be fixed by refreshing.
 */
export function isInvalidTokenChallenge(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 401 &&
    INVALID_TOKEN.test(error.headers.get('WWW-Authenticate') ?? '')
  );
}
