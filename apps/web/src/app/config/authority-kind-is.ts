import { inject } from '@angular/core';
import type { CanMatchFn } from '@angular/router';
import { ROPC_AUTH_CONFIG, type ResolvedRopcAuthConfig } from '@ropc/angular-auth';

/**
 * Matches a route only for the configured authority kind, so one path (`/sign-up`,
 * `/reset-password`) leads to the app's own page on External ID and to the hosted user flow's
 * link on B2C. The configuration is loaded before the first navigation.
 */
export function authorityKindIs(kind: ResolvedRopcAuthConfig['authorityKind']): CanMatchFn {
  return () => inject(ROPC_AUTH_CONFIG).authorityKind === kind;
}
