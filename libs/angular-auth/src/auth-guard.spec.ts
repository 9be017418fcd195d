import { TestBed } from '@angular/core/testing';
import { Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { setUpAuth, settle } from '../test/auth-test-bed';
import { Deferred, FakeFetch, jsonResponse } from '../test/fake-fetch';
import { NO_SESSION, PROXY_CONFIG, tokenBody } from '../test/token-fixtures';
import { authGuard } from './auth-guard';

function runGuard(url: string): Promise<boolean | UrlTree> {
  const router = TestBed.inject(Router);
  const state: RouterStateSnapshot = Object.assign(
    Object.create(RouterStateSnapshot.prototype) as RouterStateSnapshot,
    { url },
  );
  return TestBed.runInInjectionContext(
    () => authGuard(router.routerState.snapshot.root, state) as Promise<boolean | UrlTree>,
  );
}

const serialized = (result: boolean | UrlTree): string | boolean =>
  result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : result;

describe('authGuard', () => {
  afterEach(() => {
    TestBed.resetTestingModule();
  });

  it('lets a signed-in user through', async () => {
    const fetch = new FakeFetch().when('/api/auth/token', jsonResponse(200, tokenBody('at-1')));
    const { auth } = await setUpAuth({ fetch });
    await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
    await expect(runGuard('/notes')).resolves.toBe(true);
  });

  it('sends a signed-out user to /sign-in with the requested URL as returnUrl', async () => {
    await setUpAuth();
    expect(serialized(await runGuard('/notes/42?tab=2'))).toBe(
      '/sign-in?returnUrl=%2Fnotes%2F42%3Ftab%3D2',
    );
  });

  it('uses the configured signInPath', async () => {
    await setUpAuth({ config: { ...PROXY_CONFIG, signInPath: '/account/sign-in' } });
    expect(serialized(await runGuard('/notes'))).toBe('/account/sign-in?returnUrl=%2Fnotes');
  });

  it('waits for the start-up refresh and lets the user in when the cookie still works', async () => {
    const startup = new Deferred<Response>();
    const { store } = await setUpAuth({ startup, awaitReady: false });
    const guarded = runGuard('/notes');
    let settled = false;
    void guarded.then(() => (settled = true));
    await settle();
    expect(settled).toBe(false);
    expect(store.status()).toBe('starting');
    startup.resolve(jsonResponse(200, tokenBody('at-1')));
    await expect(guarded).resolves.toBe(true);
    expect(store.status()).toBe('signed-in');
  });

  it('waits for the start-up refresh and redirects when there is no session', async () => {
    const startup = new Deferred<Response>();
    const { store } = await setUpAuth({ startup, awaitReady: false });
    const guarded = runGuard('/notes');
    await settle();
    startup.resolve(jsonResponse(400, NO_SESSION));
    expect(serialized(await guarded)).toBe('/sign-in?returnUrl=%2Fnotes');
    expect(store.status()).toBe('signed-out');
    expect(store.lastError()).toBeNull();
  });

  it('redirects when the start-up refresh cannot reach the proxy', async () => {
    const { store } = await setUpAuth({ startup: new TypeError('Failed to fetch') });
    expect(serialized(await runGuard('/notes'))).toBe('/sign-in?returnUrl=%2Fnotes');
    expect(store.lastError()?.kind).toBe('network');
  });
});
