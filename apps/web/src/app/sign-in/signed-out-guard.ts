import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { AuthStore } from '@ropc/angular-auth';
import { safeReturnUrl } from './safe-return-url';

/**
 * Lets only signed-out people see the sign-in page; someone already signed in goes straight to
 * the page they asked for. Waits for the store to restore a session first, so a reload of
 * `/sign-in` does not flash the form. Returns a `UrlTree` rather than navigating.
 */
export const signedOutGuard: CanActivateFn = async (route) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.ready;
  if (!store.isSignedIn()) return true;
  return router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl')));
};
