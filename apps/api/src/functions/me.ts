import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import type { ValidatedToken } from '@ropc/token-validation';
import { protectedHandler } from '../http/protected-handler';
import { problemStorageFailure } from '../http/problem-storage-failure';

const isoSeconds = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();

/** GET /api/me: who the access token says the caller is. Any valid token. */
export function me(
  _request: HttpRequest,
  _context: InvocationContext,
  auth: ValidatedToken,
): Promise<HttpResponseInit> {
  const { claims } = auth;
  return Promise.resolve({
    status: 200,
    headers: { 'Cache-Control': 'no-store' },
    jsonBody: {
      oid: claims.oid ?? null,
      name: claims.name ?? null,
      emails: claims.emails ?? [],
      scopes: auth.scopes,
      policy: auth.policy,
      issuedAt: isoSeconds(claims.iat),
      expiresAt: isoSeconds(claims.exp),
    },
  });
}

registerHttpFunction('me', {
  route: 'me',
  methods: ['GET'],
  handler: protectedHandler(me),
  storageFailure: problemStorageFailure,
});
