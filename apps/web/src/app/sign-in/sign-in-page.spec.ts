import type { Provider } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import type { AuthError, RopcAuthConfig } from '@ropc/angular-auth';
import { AUTH_FAILURES } from '../../testing/auth-failures';
import { provideFakeAuth, type FakeAuth } from '../../testing/fake-auth';
import { FakeClock } from '../../testing/fake-clock';
import { provideFakeNativeAuth, type FakeNativeAuthService } from '../../testing/fake-native-auth';
import { Clock } from '../time/clock';
import { expectShowPasswordToggle } from '../../testing/expect-show-password-toggle';
import { deferred, settle, typeInto } from '../../testing/interact';
import { getByLabelText, getByRole, queryByRole, textOf } from '../../testing/queries';
import { renderPage } from '../../testing/render-page';
import { SignInPage } from './sign-in-page';

describe('SignInPage', () => {
  let fake: FakeAuth;
  let fixture: ComponentFixture<SignInPage>;
  let navigateByUrl: jest.SpyInstance;

  async function render(
    options: {
      config?: Partial<RopcAuthConfig>;
      returnUrl?: string;
      before?: () => void;
      providers?: Provider[];
    } = {},
  ): Promise<void> {
    fake = provideFakeAuth(options.config);
    options.before?.();
    ({ fixture, navigateByUrl } = await renderPage(SignInPage, {
      providers: [...fake.providers, ...(options.providers ?? [])],
      returnUrl: options.returnUrl,
    }));
  }

  const email = () => getByLabelText(fixture, 'Email address');
  const password = () => getByLabelText(fixture, 'Password');
  const submitButton = () => getByRole(fixture, 'button', { name: /^Sign(ing)? in/ });
  const alertText = () => textOf(getByRole(fixture, 'alert'));

  async function signInWith(user = 'alice@contoso.com', secret = 'Alice-Passw0rd!'): Promise<void> {
    typeInto(email(), user);
    typeInto(password(), secret);
    submitButton().click();
    await settle(fixture);
  }

  async function failWith(error: AuthError): Promise<void> {
    fake.auth.signIn.mockRejectedValueOnce(error);
    await signInWith();
  }

  describe('when idle', () => {
    beforeEach(() => render());

    it('labels both fields with real labels and offers an enabled Sign in button', () => {
      expect(email().type).toBe('email');
      expect(email().autocomplete).toBe('username');
      expect(password().type).toBe('password');
      expect(password().autocomplete).toBe('current-password');
      expect(textOf(submitButton())).toBe('Sign in');
      expect((submitButton() as HTMLButtonElement).disabled).toBe(false);
      expect(alertText()).toBe('');
    });

    it('shows and hides the password with a toggle button that reports its state', () =>
      expectShowPasswordToggle(fixture, password));

    it('asks for missing fields next to them and sends nothing', async () => {
      submitButton().click();
      await settle(fixture);

      expect(fake.auth.signIn).not.toHaveBeenCalled();
      expect(email().getAttribute('aria-invalid')).toBe('true');
      const describedBy = email().getAttribute('aria-describedby') ?? '';
      expect(textOf(document.getElementById(describedBy)!)).toBe('Enter your email address.');
      expect(password().getAttribute('aria-invalid')).toBe('true');
    });

    it('sends the trimmed username and the password once', async () => {
      await signInWith('  alice@contoso.com ', 'Alice-Passw0rd!');
      expect(fake.auth.signIn).toHaveBeenCalledTimes(1);
      expect(fake.auth.signIn).toHaveBeenCalledWith('alice@contoso.com', 'Alice-Passw0rd!');
    });
  });

  describe('while signing in', () => {
    beforeEach(() => render());

    it('disables the submit button, shows a busy state and ignores a second submit', async () => {
      const pending = deferred<undefined>();
      fake.auth.signIn.mockReturnValueOnce(pending.promise);
      await signInWith();

      expect((submitButton() as HTMLButtonElement).disabled).toBe(true);
      expect(textOf(submitButton())).toBe('Signing in…');
      const form = (fixture.nativeElement as HTMLElement).querySelector('form')!;
      expect(form.getAttribute('aria-busy')).toBe('true');
      form.requestSubmit();
      expect(fake.auth.signIn).toHaveBeenCalledTimes(1);

      pending.resolve(undefined);
      await settle(fixture);
      expect((submitButton() as HTMLButtonElement).disabled).toBe(false);
    });
  });

  describe('after a failed attempt', () => {
    beforeEach(() => render());

    it.each<[string, AuthError, string]>([
      ['wrong credentials', ...AUTH_FAILURES.invalidCredentials],
      ['a lockout with a known retry time', ...AUTH_FAILURES.lockedOutFor290Seconds],
      ['a lockout without a retry time', ...AUTH_FAILURES.lockedOut],
      ['throttling with a retry time in seconds', ...AUTH_FAILURES.throttledFor45Seconds],
      ['throttling without a retry time', ...AUTH_FAILURES.throttled],
      [
        'an account protected from new devices for a day',
        ...AUTH_FAILURES.accountProtectedFor86100Seconds,
      ],
      [
        'an account protected from new devices for a while',
        ...AUTH_FAILURES.accountProtectedFor1500Seconds,
      ],
      ['a network failure', ...AUTH_FAILURES.network],
      ['a server error', ...AUTH_FAILURES.serverError],
      ['an ended session', ...AUTH_FAILURES.sessionExpired],
      [
        'anything else',
        { kind: 'unknown', message: 'x' },
        'Something went wrong while signing you in. Try again.',
      ],
    ])('announces %s with its own message', async (_case, error, message) => {
      await failWith(error);
      expect(alertText()).toBe(message);
      expect(navigateByUrl).not.toHaveBeenCalled();
    });

    it('treats a rejection that is not an AuthError as unknown', async () => {
      fake.auth.signIn.mockRejectedValueOnce(new TypeError('bug'));
      await signInWith();
      expect(alertText()).toBe('Something went wrong while signing you in. Try again.');
    });

    it('offers the correlation id as a support code', async () => {
      await failWith({
        kind: 'invalid_credentials',
        message: 'x',
        correlationId: '7c3f1c52-1b9e-4c1d-8a51-3e1f0f3a9b10',
      });
      expect(alertText()).toContain('Support code: 7c3f1c52-1b9e-4c1d-8a51-3e1f0f3a9b10');
    });

    it('shows no support code when there is no correlation id', async () => {
      await failWith({ kind: 'network', message: 'x' });
      expect(alertText()).not.toContain('Support code');
    });

    it('clears the password, keeps the username and puts focus on the password', async () => {
      await failWith({ kind: 'invalid_credentials', message: 'x' });
      expect(password().value).toBe('');
      expect(email().value).toBe('alice@contoso.com');
      expect(document.activeElement).toBe(password());
      expect(password().getAttribute('aria-invalid')).toBe('false');
    });

    it('replaces the message on the next attempt', async () => {
      await failWith({ kind: 'invalid_credentials', message: 'x' });
      await failWith({ kind: 'server_error', message: 'x' });
      expect(alertText()).toBe(
        'The sign-in service is having a problem. Try again in a few minutes.',
      );
    });
  });

  describe('when the session ended', () => {
    it('explains why on arrival', async () => {
      await render({
        before: () => {
          fake.store.lastError.set({ kind: 'session_expired', message: 'x' });
        },
      });
      expect(alertText()).toBe('Your session has ended. Sign in again to continue.');
    });
  });

  describe('the forgot-password link', () => {
    it('is offered when a password reset URL is configured', async () => {
      const url = 'https://contoso.b2clogin.com/reset';
      await render({ config: { passwordResetUrl: url } });
      const link = getByRole(fixture, 'link', { name: 'Forgot your password?' });
      expect(link.getAttribute('href')).toBe(url);
    });

    it('is absent otherwise', async () => {
      await render();
      expect(queryByRole(fixture, 'link', { name: /forgot/i })).toBeNull();
    });
  });

  describe('the account links', () => {
    it('offers the hosted sign-up page on B2C when configured', async () => {
      const url = 'https://contoso.b2clogin.com/sign-up';
      await render({ config: { signUpUrl: url } });
      const link = getByRole(fixture, 'link', { name: 'New here? Create an account' });
      expect(link.getAttribute('href')).toBe(url);
    });

    it('offers the app’s own sign-up and reset pages on External ID', async () => {
      await render({ config: { authorityKind: 'external-id', signInMethod: 'password' } });
      expect(
        getByRole(fixture, 'link', { name: 'Forgot your password?' }).getAttribute('href'),
      ).toBe('/reset-password');
      expect(
        getByRole(fixture, 'link', { name: 'New here? Create an account' }).getAttribute('href'),
      ).toBe('/sign-up');
    });
  });

  describe('with External ID’s e-mail code user flow', () => {
    let native: FakeNativeAuthService;

    beforeEach(async () => {
      const fakeNative = provideFakeNativeAuth();
      native = fakeNative.native;
      await render({
        config: { authorityKind: 'external-id', signInMethod: 'email-otp' },
        providers: [...fakeNative.providers, { provide: Clock, useValue: new FakeClock() }],
      });
    });

    it('asks for the address only, offers no password reset, and sends a code', async () => {
      expect((fixture.nativeElement as HTMLElement).querySelector('input#password')).toBeNull();
      expect(queryByRole(fixture, 'link', { name: /forgot/i })).toBeNull();
      typeInto(email(), ' carol@contoso.com ');
      getByRole(fixture, 'button', { name: 'Send code' }).click();
      await settle(fixture);

      expect(native.startCodeSignIn).toHaveBeenCalledWith('carol@contoso.com');
      const code = getByLabelText(fixture, 'Code');
      expect([code.autocomplete, code.inputMode]).toEqual(['one-time-code', 'numeric']);
    });

    it('signs in with the code and goes to the returnUrl', async () => {
      typeInto(email(), 'carol@contoso.com');
      getByRole(fixture, 'button', { name: 'Send code' }).click();
      await settle(fixture);
      typeInto(getByLabelText(fixture, 'Code'), '1234 5678');
      getByRole(fixture, 'button', { name: 'Sign in' }).click();
      await settle(fixture);

      expect(native.codeSignIn.submitCode).toHaveBeenCalledWith('12345678');
      expect(navigateByUrl).toHaveBeenCalledWith('/notes');
    });

    it('asks for the address again, saying why, when the flow expired', async () => {
      native.codeSignIn.submitCode.mockRejectedValueOnce({ kind: 'flow_expired', message: 'x' });
      typeInto(email(), 'carol@contoso.com');
      getByRole(fixture, 'button', { name: 'Send code' }).click();
      await settle(fixture);
      typeInto(getByLabelText(fixture, 'Code'), '12345678');
      getByRole(fixture, 'button', { name: 'Sign in' }).click();
      await settle(fixture);

      expect(alertText()).toBe('This took too long and has expired. Please start again.');
      expect(email().value).toBe('carol@contoso.com');
      expect(document.activeElement).toBe(email());
    });

    it('says when no account has the address, and stays on the address', async () => {
      native.startCodeSignIn.mockRejectedValueOnce({ kind: 'user_not_found', message: 'x' });
      typeInto(email(), 'nobody@contoso.com');
      getByRole(fixture, 'button', { name: 'Send code' }).click();
      await settle(fixture);

      expect(alertText()).toBe("We couldn't find an account with that email address.");
      expect(email().value).toBe('nobody@contoso.com');
    });
  });

  describe('on success', () => {
    it('goes to the returnUrl inside the app', async () => {
      await render({ returnUrl: '/profile?tab=claims' });
      await signInWith();
      expect(navigateByUrl).toHaveBeenCalledWith('/profile?tab=claims');
    });

    it.each([
      '//evil.example/phish',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
    ])('refuses the returnUrl %s and goes to /notes', async (returnUrl) => {
      await render({ returnUrl });
      await signInWith();
      expect(navigateByUrl).toHaveBeenCalledWith('/notes');
    });

    it('goes to /notes without a returnUrl', async () => {
      await render();
      await signInWith();
      expect(navigateByUrl).toHaveBeenCalledWith('/notes');
    });

    it('clears the password', async () => {
      await render();
      await signInWith();
      expect(password().value).toBe('');
    });
  });
});
