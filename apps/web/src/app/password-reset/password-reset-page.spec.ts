import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { AuthError } from '@ropc/angular-auth';
import type { NewPasswordStep } from '@ropc/angular-auth/native-auth';
import { AUTH_FAILURES, PASSWORD_REFUSALS } from '../../testing/auth-failures';
import { FakeClock } from '../../testing/fake-clock';
import { provideFakeNativeAuth, type FakeNativeAuthService } from '../../testing/fake-native-auth';
import { expectShowPasswordToggle } from '../../testing/expect-show-password-toggle';
import { deferred, settle, typeInto } from '../../testing/interact';
import {
  accessibleName,
  descriptionsOf,
  getByLabelText,
  getByRole,
  queryAllByRole,
  queryByRole,
  textOf,
} from '../../testing/queries';
import { renderPage } from '../../testing/render-page';
import { Clock } from '../time/clock';
import { PasswordResetPage } from './password-reset-page';

const POLICY_HINT =
  'At least 8 characters, with at least three of: lowercase letters, uppercase letters, digits and symbols.';

describe('PasswordResetPage', () => {
  let native: FakeNativeAuthService;
  let fixture: ComponentFixture<PasswordResetPage>;
  let navigateByUrl: jest.SpyInstance;

  async function render(options: { returnUrl?: string } = {}): Promise<void> {
    const fake = provideFakeNativeAuth();
    native = fake.native;
    ({ fixture, navigateByUrl } = await renderPage(PasswordResetPage, {
      providers: [...fake.providers, { provide: Clock, useValue: new FakeClock() }],
      returnUrl: options.returnUrl,
    }));
  }

  const root = () => fixture.nativeElement as HTMLElement;
  const heading = () => textOf(getByRole(fixture, 'heading'));
  const email = () => getByLabelText(fixture, 'Email address');
  const sendButton = () => getByRole(fixture, 'button', { name: /^(Send code|Sending…)$/ });
  const code = () => getByLabelText(fixture, 'Code');
  const continueButton = () => getByRole(fixture, 'button', { name: /^(Continue|Checking…)$/ });
  const newPassword = () => getByLabelText(fixture, 'New password');
  const resetButton = () =>
    getByRole(fixture, 'button', { name: /^(Reset password|Resetting…)$/ }) as HTMLButtonElement;
  /** The page's alert comes after the step; on the code step the code form has one of its own. */
  const pageAlert = () => queryAllByRole(fixture, 'alert').at(-1)!;
  const alertText = () => textOf(pageAlert());
  const alertLines = () => Array.from(pageAlert().querySelectorAll('p'), textOf);
  const status = () => getByRole(fixture, 'status');
  // queries.ts maps no role to <progress> (progressbar), so it is found by its element.
  const progress = () => root().querySelector('progress');
  const submittedPassword = () => native.reset.newPassword.submitNewPassword;

  async function sendCodeTo(address = 'alice@contoso.com'): Promise<void> {
    typeInto(email(), address);
    sendButton().click();
    await settle(fixture);
  }

  async function enterCode(value = '12345678'): Promise<void> {
    typeInto(code(), value);
    continueButton().click();
    await settle(fixture);
  }

  async function reachNewPassword(): Promise<void> {
    await sendCodeTo();
    await enterCode();
  }

  async function submitPassword(secret = 'N3w-Passw0rd!'): Promise<void> {
    typeInto(newPassword(), secret);
    resetButton().click();
    await settle(fixture);
  }

  /** The `onProgress` the page handed to its `n`th `submitNewPassword` call. */
  function progressCallback(n = 0): (check: number) => void {
    const callback = submittedPassword().mock.calls[n]?.[1];
    if (callback === undefined) throw new Error('submitNewPassword got no onProgress');
    return callback;
  }

  describe('the email step', () => {
    beforeEach(() => render());

    it('asks for the email address the browser knows as the username, with Send code', () => {
      expect(heading()).toBe('Reset your password');
      expect(email().type).toBe('email');
      expect(email().autocomplete).toBe('username');
      expect(textOf(sendButton())).toBe('Send code');
      expect((sendButton() as HTMLButtonElement).disabled).toBe(false);
      expect(alertText()).toBe('');
    });

    it('keeps the empty error line in the page and describes the field with it', () => {
      expect(email().getAttribute('aria-invalid')).toBe('false');
      expect(email().getAttribute('aria-describedby')).toBe('email-error');
      const line = document.getElementById('email-error')!;
      expect(line.className).toBe('field__error field__error--reserved');
      expect(textOf(line)).toBe('');
    });

    it('asks for a missing email next to the field, focuses it and sends nothing', async () => {
      typeInto(email(), '   ');
      sendButton().click();
      await settle(fixture);

      expect(native.startPasswordReset).not.toHaveBeenCalled();
      expect(email().getAttribute('aria-invalid')).toBe('true');
      expect(descriptionsOf(email())).toEqual(['Enter your email address.']);
      expect(document.activeElement).toBe(email());
      expect(alertText()).toBe('');
    });

    it('sends a code to the trimmed email once', async () => {
      await sendCodeTo('  alice@contoso.com ');
      expect(native.startPasswordReset).toHaveBeenCalledTimes(1);
      expect(native.startPasswordReset).toHaveBeenCalledWith('alice@contoso.com');
    });

    it('disables the button, shows a busy state and ignores a second submit while sending', async () => {
      const pending = deferred<typeof native.reset>();
      native.startPasswordReset.mockReturnValueOnce(pending.promise);
      await sendCodeTo();

      expect((sendButton() as HTMLButtonElement).disabled).toBe(true);
      expect(textOf(sendButton())).toBe('Sending…');
      const form = root().querySelector('form')!;
      expect(form.getAttribute('aria-busy')).toBe('true');
      form.requestSubmit();
      expect(native.startPasswordReset).toHaveBeenCalledTimes(1);

      pending.resolve(native.reset);
      await settle(fixture);
      expect(heading()).toBe('Check your email');
    });

    it.each<[string, AuthError, string]>([
      ['an unknown account', ...AUTH_FAILURES.userNotFound],
      ['throttling with a retry time', ...AUTH_FAILURES.throttledFor45Seconds],
      ['a protected account', ...AUTH_FAILURES.accountProtectedFor1500Seconds],
      ['a network failure', ...AUTH_FAILURES.network],
      ['a server error', ...AUTH_FAILURES.serverError],
      ['a user flow this client cannot drive', ...AUTH_FAILURES.notSupported],
      [
        'anything else',
        { kind: 'unknown', message: 'x' },
        'Something went wrong while resetting your password. Try again.',
      ],
    ])(
      'announces %s in the alert and stays, email kept and focused',
      async (_case, error, text) => {
        native.startPasswordReset.mockRejectedValueOnce(error);
        await sendCodeTo();

        expect(alertText()).toBe(text);
        expect(heading()).toBe('Reset your password');
        expect(email().value).toBe('alice@contoso.com');
        expect(email().getAttribute('aria-invalid')).toBe('false');
        expect(document.activeElement).toBe(email());
      },
    );

    it('treats a rejection that is not an AuthError as unknown', async () => {
      native.startPasswordReset.mockRejectedValueOnce(new TypeError('bug'));
      await sendCodeTo();
      expect(alertText()).toBe('Something went wrong while resetting your password. Try again.');
    });

    it('offers the correlation id as a support code', async () => {
      native.startPasswordReset.mockRejectedValueOnce({
        kind: 'user_not_found',
        message: 'x',
        correlationId: '7c3f1c52-1b9e-4c1d-8a51-3e1f0f3a9b10',
      } satisfies AuthError);
      await sendCodeTo();
      expect(alertLines()).toEqual([
        "We couldn't find an account with that email address.",
        'Support code: 7c3f1c52-1b9e-4c1d-8a51-3e1f0f3a9b10',
      ]);
    });

    it('clears the alert when the next attempt starts', async () => {
      native.startPasswordReset.mockRejectedValueOnce({ kind: 'network', message: 'x' });
      await sendCodeTo();
      await sendCodeTo();
      expect(heading()).toBe('Check your email');
      expect(alertText()).toBe('');
    });
  });

  describe('the code step', () => {
    beforeEach(async () => {
      await render();
      await sendCodeTo();
    });

    it('shows the code form, focused, where the code went and a Continue button', () => {
      expect(heading()).toBe('Check your email');
      expect(code().autocomplete).toBe('one-time-code');
      expect(document.activeElement).toBe(code());
      expect(textOf(root())).toContain('c***l@co*****.com');
      expect(textOf(continueButton())).toBe('Continue');
      expect(root().querySelector('#email')).toBeNull();
    });

    it('checks the code and moves on to the new password, focused', async () => {
      await enterCode('12345678');

      expect(native.reset.submitCode).toHaveBeenCalledTimes(1);
      expect(native.reset.submitCode).toHaveBeenCalledWith('12345678');
      expect(heading()).toBe('Choose a new password');
      expect(document.activeElement).toBe(newPassword());
      expect(queryByRole(fixture, 'textbox', { name: 'Code' })).toBeNull();
    });

    it('stays on the code step when the code is wrong (the form says so)', async () => {
      native.reset.submitCode.mockRejectedValueOnce({ kind: 'invalid_code', message: 'x' });
      await enterCode();
      expect(heading()).toBe('Check your email');
      expect(queryAllByRole(fixture, 'alert').map(textOf)).toEqual([
        'That code is wrong or no longer valid. Check the newest email, or send a new code.',
        '',
      ]);
    });

    it('goes back with "Use a different email", the email kept and focused', async () => {
      getByRole(fixture, 'button', { name: 'Use a different email' }).click();
      await settle(fixture);

      expect(heading()).toBe('Reset your password');
      expect(email().value).toBe('alice@contoso.com');
      expect(document.activeElement).toBe(email());
      expect(alertText()).toBe('');
      expect(native.startPasswordReset).toHaveBeenCalledTimes(1);
    });

    it('starts again at the email step, saying why, when the flow expires', async () => {
      native.reset.submitCode.mockRejectedValueOnce({ kind: 'flow_expired', message: 'x' });
      await enterCode();

      expect(heading()).toBe('Reset your password');
      expect(alertText()).toBe('This took too long and has expired. Please start again.');
      expect(email().value).toBe('alice@contoso.com');
      expect(document.activeElement).toBe(email());
    });

    it('ignores a code accepted after the user went back to the email step', async () => {
      const pending = deferred<NewPasswordStep>();
      native.reset.submitCode.mockReturnValueOnce(pending.promise);
      await enterCode();
      getByRole(fixture, 'button', { name: 'Use a different email' }).click();
      await settle(fixture);

      pending.resolve(native.reset.newPassword);
      await settle(fixture);
      expect(heading()).toBe('Reset your password');
      expect(document.activeElement).toBe(email());
    });
  });

  describe('the new password step', () => {
    beforeEach(async () => {
      await render();
      await reachNewPassword();
    });

    it('asks for a new password the browser may generate, with the policy as its description', () => {
      expect(newPassword().type).toBe('password');
      expect(newPassword().autocomplete).toBe('new-password');
      expect(newPassword().getAttribute('aria-invalid')).toBe('false');
      expect(newPassword().getAttribute('aria-describedby')).toBe(
        'new-password-hint new-password-error',
      );
      expect(descriptionsOf(newPassword())).toEqual([POLICY_HINT, '']);
      expect(textOf(resetButton())).toBe('Reset password');
      expect(resetButton().disabled).toBe(false);
      expect(root().querySelectorAll('input[type="password"]')).toHaveLength(1);
    });

    it('names the account for password managers in a hidden username field', () => {
      const username = root().querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
      expect(username.value).toBe('alice@contoso.com');
      expect(username.hidden).toBe(true);
      expect(queryByRole(fixture, 'textbox')).toBeNull();
    });

    it('shows and hides the password with a toggle button that reports its state', () =>
      expectShowPasswordToggle(fixture, newPassword));

    it('asks for a missing password next to the field and sends nothing', async () => {
      resetButton().click();
      await settle(fixture);

      expect(submittedPassword()).not.toHaveBeenCalled();
      expect(newPassword().getAttribute('aria-invalid')).toBe('true');
      expect(descriptionsOf(newPassword())).toEqual([POLICY_HINT, 'Enter a new password.']);
      expect(document.activeElement).toBe(newPassword());
    });

    it('sends the password once with a progress callback', async () => {
      await submitPassword('N3w-Passw0rd!');
      expect(submittedPassword()).toHaveBeenCalledTimes(1);
      expect(submittedPassword()).toHaveBeenCalledWith('N3w-Passw0rd!', expect.any(Function));
    });

    it('says nothing in the status and shows no progress bar while idle', () => {
      expect(textOf(status())).toBe('');
      expect(status().getAttribute('aria-atomic')).toBe('true');
      expect(progress()).toBeNull();
    });

    it('shows the wait as progress: status text, a named progress bar and a busy button', async () => {
      const pending = deferred<undefined>();
      submittedPassword().mockReturnValueOnce(pending.promise);
      await submitPassword();

      expect(textOf(status())).toBe('Saving your new password…');
      expect(progress()).not.toBeNull();
      expect(progress()!.hasAttribute('value')).toBe(false);
      expect(accessibleName(progress()!)).toBe('Resetting your password');
      expect(resetButton().disabled).toBe(true);
      expect(textOf(resetButton())).toBe('Resetting…');
      expect(root().querySelector('form')!.getAttribute('aria-busy')).toBe('true');

      progressCallback()(1);
      await fixture.whenStable();
      expect(textOf(status())).toBe('Saving your new password…');

      progressCallback()(2);
      await fixture.whenStable();
      expect(textOf(status())).toBe('Still working (check 2)…');

      progressCallback()(3);
      await fixture.whenStable();
      expect(textOf(status())).toBe('Still working (check 3)…');
      expect(progress()).not.toBeNull();

      pending.resolve(undefined);
      await settle(fixture);
      expect(textOf(status())).toBe('');
      expect(progress()).toBeNull();
    });

    it('ignores a second submit while the reset runs', async () => {
      const pending = deferred<undefined>();
      submittedPassword().mockReturnValueOnce(pending.promise);
      await submitPassword();

      root().querySelector('form')!.requestSubmit();
      await settle(fixture);
      expect(submittedPassword()).toHaveBeenCalledTimes(1);

      pending.resolve(undefined);
      await settle(fixture);
      expect(navigateByUrl).toHaveBeenCalledTimes(1);
    });

    it.each(PASSWORD_REFUSALS)(
      'says %s at the field, clears and focuses it',
      async (kind, sentence) => {
        submittedPassword().mockRejectedValueOnce({ kind, message: 'x' });
        await submitPassword();

        expect(descriptionsOf(newPassword())).toEqual([POLICY_HINT, sentence]);
        expect(newPassword().getAttribute('aria-invalid')).toBe('true');
        expect(newPassword().value).toBe('');
        expect(document.activeElement).toBe(newPassword());
        expect(alertText()).toBe('');
        expect(heading()).toBe('Choose a new password');
        expect(textOf(status())).toBe('');
        expect(progress()).toBeNull();
        expect(navigateByUrl).not.toHaveBeenCalled();
      },
    );

    it('asks again on the same step after a refusal, without the old message', async () => {
      submittedPassword().mockRejectedValueOnce({ kind: 'password_banned', message: 'x' });
      await submitPassword('Passw0rd!');
      await submitPassword('Better-Passw0rd!');

      expect(submittedPassword()).toHaveBeenCalledTimes(2);
      expect(submittedPassword()).toHaveBeenLastCalledWith(
        'Better-Passw0rd!',
        expect.any(Function),
      );
      expect(native.reset.submitCode).toHaveBeenCalledTimes(1);
      expect(descriptionsOf(newPassword())).toEqual([POLICY_HINT, '']);
      expect(navigateByUrl).toHaveBeenCalledWith('/notes');
    });

    it('starts again at the email step, saying why, when the flow expires', async () => {
      submittedPassword().mockRejectedValueOnce({ kind: 'flow_expired', message: 'x' });
      await submitPassword();

      expect(heading()).toBe('Reset your password');
      expect(alertText()).toBe('This took too long and has expired. Please start again.');
      expect(email().value).toBe('alice@contoso.com');
      expect(email().getAttribute('aria-invalid')).toBe('false');
      expect(document.activeElement).toBe(email());
      expect(navigateByUrl).not.toHaveBeenCalled();
    });

    it.each<[string, AuthError, string]>([
      ['a reset that failed or timed out', ...AUTH_FAILURES.serverError],
      ['a network failure', ...AUTH_FAILURES.network],
    ])('announces %s in the alert and lets the user try again', async (_case, error, text) => {
      submittedPassword().mockRejectedValueOnce(error);
      await submitPassword();

      expect(alertText()).toBe(text);
      expect(heading()).toBe('Choose a new password');
      expect(descriptionsOf(newPassword())).toEqual([POLICY_HINT, '']);
      expect(newPassword().value).toBe('');
      expect(document.activeElement).toBe(newPassword());
      expect(resetButton().disabled).toBe(false);
      expect(navigateByUrl).not.toHaveBeenCalled();
    });

    it('keeps the flow in memory: nothing stored, the URL untouched', () => {
      expect(localStorage.length).toBe(0);
      expect(sessionStorage.length).toBe(0);
      expect(navigateByUrl).not.toHaveBeenCalled();
      expect(TestBed.inject(Router).url).toBe('/');
    });
  });

  describe('on success', () => {
    it('clears the password and goes to /notes without a returnUrl', async () => {
      await render();
      await reachNewPassword();
      await submitPassword();
      expect(newPassword().value).toBe('');
      expect(navigateByUrl).toHaveBeenCalledTimes(1);
      expect(navigateByUrl).toHaveBeenCalledWith('/notes');
    });

    it('goes to the returnUrl inside the app', async () => {
      await render({ returnUrl: '/profile?tab=claims' });
      await reachNewPassword();
      await submitPassword();
      expect(navigateByUrl).toHaveBeenCalledWith('/profile?tab=claims');
    });

    it.each(['//evil.example/phish', 'https://evil.example/', 'javascript:alert(1)'])(
      'refuses the returnUrl %s and goes to /notes',
      async (returnUrl) => {
        await render({ returnUrl });
        await reachNewPassword();
        await submitPassword();
        expect(navigateByUrl).toHaveBeenCalledWith('/notes');
      },
    );
  });

  describe('the way back to sign in', () => {
    it('links to /sign-in on every step', async () => {
      await render();
      const link = () => getByRole(fixture, 'link', { name: 'Back to sign in' });
      expect(link().getAttribute('href')).toBe('/sign-in');
      await sendCodeTo();
      expect(link().getAttribute('href')).toBe('/sign-in');
      await enterCode();
      expect(link().getAttribute('href')).toBe('/sign-in');
    });

    it('hands the returnUrl on to the sign-in page', async () => {
      await render({ returnUrl: '/profile' });
      const link = getByRole(fixture, 'link', { name: 'Back to sign in' });
      expect(link.getAttribute('href')).toBe('/sign-in?returnUrl=%2Fprofile');
    });
  });
});
