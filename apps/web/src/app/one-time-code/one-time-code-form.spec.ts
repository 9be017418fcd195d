import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { AuthError } from '@ropc/angular-auth';
import { FakeClock } from '../../testing/fake-clock';
import { FakeCodeStep } from '../../testing/fake-native-auth';
import { deferred, settle, typeInto } from '../../testing/interact';
import { getByLabelText, getByRole, textOf } from '../../testing/queries';
import { Clock } from '../time/clock';
import { OneTimeCodeForm } from './one-time-code-form';

@Component({
  imports: [OneTimeCodeForm],
  template: `<app-one-time-code-form
    [step]="step"
    [verify]="verify"
    verifyLabel="Sign in"
    (flowEnded)="ended.set($event)"
  />`,
})
class Host {
  step = new FakeCodeStep();
  verify = jest.fn<Promise<void>, [string]>(() => Promise.resolve());
  readonly ended = signal<AuthError | null>(null);
}

describe('OneTimeCodeForm', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock();
    TestBed.configureTestingModule({ providers: [{ provide: Clock, useValue: clock }] });
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    host.step.resendAvailableAt = clock.now() + 30_000;
    await settle(fixture);
  });

  const code = () => getByLabelText(fixture, 'Code');
  const verifyButton = () => getByRole(fixture, 'button', { name: /^(Sign in|Checking…)$/ });
  const resendButton = () =>
    getByRole(fixture, 'button', { name: 'Send a new code' }) as HTMLButtonElement;
  const alertText = () => textOf(getByRole(fixture, 'alert'));

  it('is one numeric one-time-code field, focused, naming where the code went', () => {
    expect([code().type, code().inputMode, code().autocomplete, code().maxLength]).toEqual([
      'text',
      'numeric',
      'one-time-code',
      8,
    ]);
    expect(document.activeElement).toBe(code());
    expect(textOf(fixture.nativeElement as HTMLElement)).toContain(
      'We sent a code of 8 digits to c***l@co*****.com.',
    );
  });

  it('keeps digits only, so a pasted "1234 5678" is the code', async () => {
    typeInto(code(), '1234 5678');
    verifyButton().click();
    await settle(fixture);
    expect(code().value).toBe('12345678');
    expect(host.verify).toHaveBeenCalledWith('12345678');
  });

  it('asks for the whole code and verifies nothing shorter', async () => {
    typeInto(code(), '1234');
    verifyButton().click();
    await settle(fixture);
    expect(host.verify).not.toHaveBeenCalled();
    expect(code().getAttribute('aria-invalid')).toBe('true');
    expect(textOf(document.getElementById('code-error')!)).toBe(
      'Enter the 8-digit code from the email.',
    );
  });

  it('says a wrong code plainly, keeps the field and selects it for another try', async () => {
    host.verify.mockRejectedValueOnce({ kind: 'invalid_code', message: 'x' });
    typeInto(code(), '00000000');
    verifyButton().click();
    await settle(fixture);
    expect(alertText()).toBe(
      'That code is wrong or no longer valid. Check the newest email, or send a new code.',
    );
    expect(code().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(code());
    expect(host.ended()).toBeNull();
  });

  it('hands back a failure that ends the flow instead of showing it', async () => {
    host.verify.mockRejectedValueOnce({ kind: 'flow_expired', message: 'x' });
    typeInto(code(), '12345678');
    verifyButton().click();
    await settle(fixture);
    expect(host.ended()?.kind).toBe('flow_expired');
    expect(alertText()).toBe('');
  });

  it('is busy while verifying: one request, a disabled button saying so', async () => {
    const answer = deferred<undefined>();
    host.verify.mockReturnValueOnce(answer.promise);
    typeInto(code(), '12345678');
    verifyButton().click();
    verifyButton().click();
    await fixture.whenStable();
    expect(textOf(verifyButton())).toBe('Checking…');
    expect((verifyButton() as HTMLButtonElement).disabled).toBe(true);
    answer.resolve(undefined);
    await settle(fixture);
    expect(host.verify).toHaveBeenCalledTimes(1);
  });

  it('counts down to "send a new code", then resends and counts down again', async () => {
    expect(resendButton().disabled).toBe(true);
    expect(textOf(fixture.nativeElement as HTMLElement)).toContain('available in 30 s');
    clock.advance(12_000);
    await settle(fixture);
    expect(textOf(fixture.nativeElement as HTMLElement)).toContain('available in 18 s');

    clock.advance(18_000);
    await settle(fixture);
    expect(resendButton().disabled).toBe(false);
    host.step.resend.mockImplementationOnce(() => {
      host.step.resendAvailableAt = clock.now() + 30_000;
      return Promise.resolve();
    });
    resendButton().click();
    await settle(fixture);

    expect(host.step.resend).toHaveBeenCalledTimes(1);
    expect(alertText()).toBe('We sent a new code. Use the newest one.');
    expect(resendButton().disabled).toBe(true);
  });

  it('shows a throttled resend with its wait', async () => {
    clock.advance(30_000);
    await settle(fixture);
    host.step.resend.mockRejectedValueOnce({
      kind: 'throttled',
      message: 'x',
      retryAfterSeconds: 300,
    });
    resendButton().click();
    await settle(fixture);
    expect(alertText()).toBe('Too many sign-in attempts. Try again in 5 minutes.');
  });
});
