import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { deferred, settle } from '../../testing/interact';
import { ALICE_CLAIMS, provideFakeAuth, type FakeAuth } from '../../testing/fake-auth';
import { getByRole, queryByRole, textOf } from '../../testing/queries';
import { AppHeader } from './app-header';

describe('AppHeader', () => {
  let fake: FakeAuth;
  let fixture: ComponentFixture<AppHeader>;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(async () => {
    fake = provideFakeAuth();
    TestBed.configureTestingModule({ providers: [provideRouter([]), ...fake.providers] });
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(AppHeader);
    await fixture.whenStable();
  });

  it('names the app and links to Notes and Profile', () => {
    const nav = getByRole(fixture, 'navigation', { name: 'Main' });
    expect(getByRole(nav, 'link', { name: 'Notes' }).getAttribute('href')).toBe('/notes');
    expect(getByRole(nav, 'link', { name: 'Profile' }).getAttribute('href')).toBe('/profile');
    expect(getByRole(fixture, 'link', { name: 'Contoso Notes' })).toBeTruthy();
  });

  it('shows no user and no Sign out button when signed out', () => {
    expect(queryByRole(fixture, 'button', { name: 'Sign out' })).toBeNull();
    expect(fixture.nativeElement.textContent).not.toContain('Signed in as');
  });

  it("shows the user's name when signed in", async () => {
    fake.store.signInAs();
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Signed in as Alice Smith');
  });

  it('falls back to the e-mail address when the token has no name', async () => {
    const { name: _name, ...withoutName } = ALICE_CLAIMS;
    fake.store.signInAs(withoutName);
    await fixture.whenStable();
    expect(textOf(fixture.nativeElement as Element)).toContain('Signed in as alice@contoso.com');
  });

  it('signs out, then shows the sign-in page', async () => {
    fake.store.signInAs();
    await fixture.whenStable();
    const signedOut = deferred<undefined>();
    fake.auth.signOut.mockReturnValueOnce(signedOut.promise);

    getByRole(fixture, 'button', { name: 'Sign out' }).click();
    await settle(fixture);
    expect(fake.auth.signOut).toHaveBeenCalledTimes(1);
    expect((getByRole(fixture, 'button', { name: 'Sign out' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(navigateByUrl).not.toHaveBeenCalled();

    signedOut.resolve(undefined);
    await settle(fixture);
    expect(navigateByUrl).toHaveBeenCalledWith('/sign-in');
  });

  it('still leaves for the sign-in page when the server could not be told', async () => {
    fake.store.signInAs();
    await fixture.whenStable();
    fake.auth.signOut.mockRejectedValueOnce(new Error('offline'));
    getByRole(fixture, 'button', { name: 'Sign out' }).click();
    await settle(fixture);
    expect(navigateByUrl).toHaveBeenCalledWith('/sign-in');
  });
});
