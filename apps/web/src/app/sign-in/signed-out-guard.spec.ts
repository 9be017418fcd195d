import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type ActivatedRouteSnapshot } from '@angular/router';
import { provideFakeAuth, type FakeAuth } from '../../testing/fake-auth';
import { signedOutGuard } from './signed-out-guard';

describe('signedOutGuard', () => {
  let fake: FakeAuth;

  beforeEach(() => {
    fake = provideFakeAuth();
    TestBed.configureTestingModule({ providers: [provideRouter([]), ...fake.providers] });
  });

  function run(returnUrl?: string): Promise<unknown> {
    const router = TestBed.inject(Router);
    const route = router.parseUrl(
      returnUrl === undefined ? '/sign-in' : `/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`,
    );
    const snapshot = { queryParamMap: { get: () => route.queryParamMap.get('returnUrl') } };
    return TestBed.runInInjectionContext(() =>
      signedOutGuard(snapshot as unknown as ActivatedRouteSnapshot, router.routerState.snapshot),
    ) as Promise<unknown>;
  }

  it('shows the sign-in page to signed-out people', async () => {
    await expect(run('/profile')).resolves.toBe(true);
  });

  it('sends signed-in people to the returnUrl', async () => {
    fake.store.signInAs();
    const tree = await run('/profile');
    expect(TestBed.inject(Router).serializeUrl(tree as never)).toBe('/profile');
  });

  it('sends signed-in people to /notes instead of another site', async () => {
    fake.store.signInAs();
    const tree = await run('//evil.example');
    expect(TestBed.inject(Router).serializeUrl(tree as never)).toBe('/notes');
  });
});
