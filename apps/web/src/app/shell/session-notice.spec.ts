import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { FakeClock } from '../../testing/fake-clock';
import { provideFakeAuth, type FakeAuth } from '../../testing/fake-auth';
import { settle } from '../../testing/interact';
import { getByRole, queryByRole, textOf } from '../../testing/queries';
import { Clock } from '../time/clock';
import { SessionNotice } from './session-notice';

const MINUTE = 60_000;

describe('SessionNotice', () => {
  let fake: FakeAuth;
  let clock: FakeClock;
  let fixture: ComponentFixture<SessionNotice>;

  beforeEach(async () => {
    fake = provideFakeAuth();
    clock = new FakeClock();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), ...fake.providers, { provide: Clock, useValue: clock }],
    });
    fixture = TestBed.createComponent(SessionNotice);
    await fixture.whenStable();
  });

  const region = () => getByRole(fixture, 'status');

  async function advance(ms: number): Promise<void> {
    clock.advance(ms);
    await fixture.whenStable();
  }

  async function signInUntil(endsAt: number): Promise<void> {
    fake.store.signInAs();
    fake.store.sessionEndsAt.set(endsAt);
    await fixture.whenStable();
  }

  it('keeps an empty live region in the page so later text is announced', () => {
    expect(textOf(region())).toBe('');
  });

  it('stays quiet until two minutes before the session ends', async () => {
    await signInUntil(clock.now() + 5 * MINUTE);
    expect(textOf(region())).toBe('');

    await advance(3 * MINUTE - 1000);
    expect(textOf(region())).toBe('');

    await advance(1000);
    expect(textOf(region())).toBe(
      'Your session ends in 2 minutes. Sign in again to continue. Sign in again',
    );
  });

  it('counts down in whole minutes for screen readers and in seconds on screen', async () => {
    await signInUntil(clock.now() + 90_000);
    expect(textOf(region())).toContain('Your session ends in 1 minute.');
    expect(region().textContent).toContain('1:30');

    await advance(31_000);
    expect(textOf(region())).toContain('Your session ends in less than a minute.');
    expect(region().textContent).toContain('0:59');
  });

  it('shows nothing when signed out, even near a session end', async () => {
    await signInUntil(clock.now() + MINUTE);
    fake.store.signOut();
    await fixture.whenStable();
    expect(textOf(region())).toBe('');
  });

  it('runs its one-second timer only while signed in', async () => {
    expect(clock.activeTimers).toBe(0);
    await signInUntil(clock.now() + 10 * MINUTE);
    expect(clock.activeTimers).toBe(1);
    fake.store.signOut();
    await fixture.whenStable();
    expect(clock.activeTimers).toBe(0);
  });

  it('offers to sign in again and comes back to the same page', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    await signInUntil(clock.now() + MINUTE);

    getByRole(region(), 'button', { name: 'Sign in again' }).click();
    await settle(fixture);

    expect(fake.auth.signOut).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/' } });
    expect(queryByRole(fixture, 'alert')).toBeNull();
  });
});
