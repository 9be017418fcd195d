import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import type { ValidatedToken } from '@ropc/token-validation';
import { getApi } from '../api-instance';
import type { TrustedAuthority } from '../auth/token-authorities';
import { protectedHandler } from '../http/protected-handler';
import { problemStorageFailure } from '../http/problem-storage-failure';

const isoSeconds = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();

/**
 * The caller's e-mail addresses: B2C's `emails`; External ID has none, so its `preferred_username`
 * (the sign-in e-mail) and `email`, when they are strings, without repeats.
 */
function emailsOf(auth: ValidatedToken, kind: TrustedAuthority['kind']): readonly string[] {
  if (kind === 'b2c') return auth.claims.emails ?? [];
  // Typed as B2C's claims by the library; unchecked, so read as unknown.
  const { preferred_username: username, email } = auth.claims as {
    readonly preferred_username?: unknown;
    readonly email?: unknown;
  };
  return [...new Set([username, email].filter((value) => typeof value === 'string'))];
}

/**
 * GET /api/me: who the access token says the caller is, and which configured authority issued it
 * (`policy` is null for External ID, whose tokens name none). Any valid token.
 */
export function me(auth: ValidatedToken, { kind, authority }: TrustedAuthority): HttpResponseInit {
  const { claims } = auth;
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store' },
    jsonBody: {
      oid: claims.oid ?? null,
      name: claims.name ?? null,
      emails: emailsOf(auth, kind),
      scopes: auth.scopes,
      policy: auth.policy ?? null,
      authority,
      issuedAt: isoSeconds(claims.iat),
      expiresAt: isoSeconds(claims.exp),
    },
  };
}

async function meHandler(
  _request: HttpRequest,
  _context: InvocationContext,
  auth: ValidatedToken,
): Promise<HttpResponseInit> {
  return me(auth, (await getApi()).authorityOf(auth));
}

registerHttpFunction('me', {
  route: 'me',
  methods: ['GET'],
  handler: protectedHandler(meHandler),
  storageFailure: problemStorageFailure,
});
