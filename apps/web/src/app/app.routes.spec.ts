import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideFakeAuth, type FakeAuth } from '../testing/fake-auth';
import { provideFakeNativeAuth } from '../testing/fake-native-auth';
import { getByRole } from '../testing/queries';
import { routes } from './app.routes';

describe('routes', () => {
  let fake: FakeAuth;

  beforeEach(() => {
    fake = provideFakeAuth();
    fake.store.signInAs();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        ...fake.providers,
      ],
    });
  });

  it('opens the notes at the root', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    expect(TestBed.inject(Router).url).toBe('/notes');
    expect(getByRole(harness.routeNativeElement!, 'heading', { name: 'Notes' })).toBeTruthy();
    TestBed.inject(HttpTestingController).expectOne('/api/notes');
  });

  it('shows a not-found page for unknown paths', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/no/such/page');
    const heading = getByRole(harness.routeNativeElement!, 'heading', { name: 'Page not found' });
    expect(heading).toBeTruthy();
  });

  it('sends a signed-in visitor of the sign-in page on to the returnUrl', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/sign-in?returnUrl=%2Fprofile');
    expect(TestBed.inject(Router).url).toBe('/profile');
    TestBed.inject(HttpTestingController).expectOne('/api/me');
  });

  it('shows B2C visitors of /sign-up the hosted flow page', async () => {
    fake.store.signOut();
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/sign-up');
    const heading = getByRole(harness.routeNativeElement!, 'heading', {
      name: 'Create an account',
    });
    expect(heading).toBeTruthy();
  });
});

describe('routes on External ID', () => {
  beforeEach(() => {
    const fake = provideFakeAuth({ authorityKind: 'external-id' });
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes, withComponentInputBinding()),
        ...fake.providers,
        ...provideFakeNativeAuth().providers,
      ],
    });
  });

  it.each([
    ['/sign-up', 'Create your account'],
    ['/reset-password', 'Reset your password'],
  ])('opens the app’s own page at %s', async (url, name) => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    expect(getByRole(harness.routeNativeElement!, 'heading', { name })).toBeTruthy();
    expect(harness.routeNativeElement!.querySelector('app-hosted-flow-page')).toBeNull();
  });
});
