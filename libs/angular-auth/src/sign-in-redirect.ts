import type { Router, UrlTree } from '@angular/router';

const pathOf = (url: string): string => url.split(/[?#]/)[0] ?? url;

/** The sign-in route with `?returnUrl=` set, keeping any query the configured path has. */
export function signInUrlTree(router: Router, signInPath: string, returnUrl: string): UrlTree {
  const tree = router.parseUrl(signInPath);
  tree.queryParams = { ...tree.queryParams, returnUrl };
  return tree;
}

/** The URL the user is on, or is navigating to while a navigation runs (e.g. in a resolver). */
export function currentRouterUrl(router: Router): string {
  const navigation = router.currentNavigation();
  return navigation
    ? router.serializeUrl(navigation.finalUrl ?? navigation.extractedUrl)
    : router.url;
}

/**
 * Sends the user to the sign-in page after the session ended, keeping where they were as
 * `returnUrl`. Does nothing when they are on the sign-in page already. For interceptors and
 * services; guards return {@link signInUrlTree} instead of navigating.
 */
export function redirectToSignIn(router: Router, signInPath: string): void {
  const returnUrl = currentRouterUrl(router);
  if (pathOf(returnUrl) === pathOf(signInPath)) return;
  void router.navigateByUrl(signInUrlTree(router, signInPath, returnUrl));
}
