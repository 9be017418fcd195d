import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { AuthConfigHolder } from './auth-config-holder';
import { AuthStore } from './auth-store';
import { signInUrlTree } from './sign-in-redirect';

/**
 * Lets signed-in users through; sends everyone else to the sign-in page with `returnUrl` set to
 * the URL they asked for. Waits for the start-up silent refresh first, so a reload of a protected
 * page keeps the session (proxy mode). Returns a `UrlTree`; never navigates itself.
 *
 * @example { path: 'notes', component: NotesPage, canActivate: [authGuard] }
 */
export const authGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  const configHolder = inject(AuthConfigHolder);
  await store.ready;
  return store.isSignedIn() || signInUrlTree(router, configHolder.get().signInPath, state.url);
};
