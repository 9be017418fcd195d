import { ElementRef, isSignal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import type { AuthError } from '@ropc/angular-auth';
import { AUTH_FAILURES, PASSWORD_REFUSALS } from '../../testing/auth-failures';
import { FakeClock } from '../../testing/fake-clock';
import {
  FakeCodeStep,
  provideFakeNativeAuth,
  type FakeNativeAuthService,
} from '../../testing/fake-native-auth';
import { expectShowPasswordToggle } from '../../testing/expect-show-password-toggle';
import { deferred, settle, typeInto } from '../../testing/interact';
import {
  descriptionsOf,
  getByLabelText,
  getByRole,
  queryAllByRole,
  queryByRole,
  textOf,
} from '../../testing/queries';
import { renderPage } from '../../testing/render-page';
import { Clock } from '../time/clock';
import { SignUpPage } from './sign-up-page';

const POLICY =
  'At least 8 characters, with at least three of: lowercase letters, uppercase letters, digits and symbols.';
const PASSWORD = 'Carol-Passw0rd!';

describe('SignUpPage', () => {
  let native: FakeNativeAuthService;
  let fixture: ComponentFixture<SignUpPage>;
  let navigateByUrl: jest.SpyInstance;

  async function render(options: { returnUrl?: string } = {}): Promise<void> {
    const fake = provideFakeNativeAuth();
    native = fake.native;
    ({ fixture, navigateByUrl } = await renderPage(SignUpPage, {
      providers: [...fake.providers, { provide: Clock, useValue: new FakeClock() }],
      returnUrl: options.returnUrl,
    }));
  }

  const email = () => getByLabelText(fixture, 'Email address');
  const displayName = () => getByLabelText(fixture, 'Display name');
  const password = () => getByLabelText(fixture, 'Password');
  const form = () => (fixture.nativeElement as HTMLElement).querySelector('form')!;
  const submitButton = () => getByRole(form(), 'button', { name: /^Creat(e|ing) account/ });
  const heading = () => textOf(getByRole(fixture, 'heading'));
  /** The page's own alert: after the code form's, which is in the page during the code step. */
  const pageAlertText = () => textOf(queryAllByRole(fixture, 'alert').at(-1)!);

  async function submitDetails(
    details: { email?: string; displayName?: string; password?: string } = {},
  ): Promise<void> {
    typeInto(email(), details.email ?? 'carol@contoso.com');
    typeInto(displayName(), details.displayName ?? 'Carol Jones');
    typeInto(password(), details.password ?? PASSWORD);
    submitButton().click();
    await settle(fixture);
  }

  async function failWith(error: AuthError): Promise<void> {
    native.startSignUp.mockRejectedValueOnce(error);
    await submitDetails();
  }

  async function reachCodeStep(): Promise<void> {
    await submitDetails();
    expect(heading()).toBe('Check your email');
  }

  async function enterCode(code = '12345678'): Promise<void> {
    typeInto(getByLabelText(fixture, 'Code'), code);
    getByRole(fixture, 'button', { name: 'Create account' }).click();
    await settle(fixture);
  }

  /**
   * What the component holds as state, where a password must never be: the values of its signals
   * and its string fields. Element references are left out: the field is where the password lives.
   */
  function componentState(): string {
    const values = Object.values(fixture.componentInstance as object)
      .map((value: unknown) => (isSignal(value) ? value() : value))
      .filter((value) => typeof value !== 'object' || !(value instanceof ElementRef))
      .filter((value) => typeof value !== 'function' && !isObjectWithPrototype(value));
    return JSON.stringify(values);
  }

  /** Services and the injector: class instances that are not page state. */
  function isObjectWithPrototype(value: unknown): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const prototype: unknown = Object.getPrototypeOf(value);
    return prototype !== Object.prototype && !(value instanceof FakeCodeStep);
  }

  describe('before any submit', () => {
    beforeEach(() => render());

    it('asks for the details under the heading "Create your account", with labelled fields', () => {
      expect(heading()).toBe('Create your account');
      expect(email().type).toBe('email');
      expect(email().autocomplete).toBe('username');
      expect(displayName().type).toBe('text');
      expect(displayName().autocomplete).toBe('name');
      expect(password().type).toBe('password');
      expect(password().autocomplete).toBe('new-password');
      expect(textOf(submitButton())).toBe('Create account');
      expect((submitButton() as HTMLButtonElement).disabled).toBe(false);
      expect(pageAlertText()).toBe('');
    });

    it('describes the password field with the policy, and an empty error line', () => {
      expect(descriptionsOf(password())).toEqual([POLICY, '']);
      expect(password().getAttribute('aria-invalid')).toBe('false');
    });

    it('keeps every field error line in the page, empty, so an error appearing moves nothing', () => {
      for (const field of [email(), displayName(), password()]) {
        const errorLine = document.getElementById(field.id + '-error')!;
        expect(field.getAttribute('aria-describedby')).toContain(errorLine.id);
        expect(errorLine.classList).toContain('field__error--reserved');
        expect(textOf(errorLine)).toBe('');
      }
    });

    it('shows and hides the password with a toggle button that reports its state', () =>
      expectShowPasswordToggle(fixture, password));

    it('offers the sign-in page to people who already have an account', () => {
      const link = getByRole(fixture, 'link', { name: 'Sign in' });
      expect(link.getAttribute('href')).toBe('/sign-in');
      expect(textOf(link.parentElement!)).toBe('Already have an account? Sign in');
    });

    it('keeps the password in the field, not in the component', () => {
      typeInto(password(), PASSWORD);
      expect(componentState()).not.toContain(PASSWORD);
    });
  });

  describe('checking the details before sending them', () => {
    beforeEach(() => render());

    it('asks for every missing field next to it and sends nothing', async () => {
      submitButton().click();
      await settle(fixture);

      expect(native.startSignUp).not.toHaveBeenCalled();
      expect(descriptionsOf(email())).toEqual(['Enter your email address.']);
      expect(descriptionsOf(displayName())).toEqual(['Enter a display name.']);
      expect(descriptionsOf(password())).toEqual([POLICY, 'Enter a password.']);
      for (const field of [email(), displayName(), password()])
        expect(field.getAttribute('aria-invalid')).toBe('true');
    });

    it('counts an email address and a display name of spaces as missing', async () => {
      await submitDetails({ email: '   ', displayName: ' \t ' });
      expect(native.startSignUp).not.toHaveBeenCalled();
      expect(descriptionsOf(email())).toEqual(['Enter your email address.']);
      expect(descriptionsOf(displayName())).toEqual(['Enter a display name.']);
      expect(password().getAttribute('aria-invalid')).toBe('false');
    });

    it.each([
      'carol.contoso.com',
      'carol@',
      '@contoso.com',
      'carol@contoso@com',
      'carol @contoso.com',
    ])('asks for a whole email address instead of %s and sends nothing', async (address) => {
      await submitDetails({ email: address });
      expect(native.startSignUp).not.toHaveBeenCalled();
      expect(descriptionsOf(email())).toEqual(['Enter a full email address.']);
      expect(email().getAttribute('aria-invalid')).toBe('true');
    });

    it('sends the trimmed email address and display name with the password as typed, once', async () => {
      await submitDetails({
        email: '  carol@contoso.com ',
        displayName: ' Carol Jones  ',
        password: ' Carol-Passw0rd! ',
      });
      expect(native.startSignUp).toHaveBeenCalledTimes(1);
      expect(native.startSignUp).toHaveBeenCalledWith({
        email: 'carol@contoso.com',
        displayName: 'Carol Jones',
        password: ' Carol-Passw0rd! ',
      });
    });

    it('sends a password that a password manager filled without an input event', async () => {
      typeInto(email(), 'carol@contoso.com');
      typeInto(displayName(), 'Carol Jones');
      password().value = PASSWORD;
      submitButton().click();
      await settle(fixture);
      expect(native.startSignUp).toHaveBeenCalledWith({
        email: 'carol@contoso.com',
        displayName: 'Carol Jones',
        password: PASSWORD,
      });
    });
  });

  describe('while the details are checked', () => {
    beforeEach(() => render());

    it('disables the submit button, shows a busy state and ignores a second submit', async () => {
      const pending = deferred<never>();
      native.startSignUp.mockReturnValueOnce(pending.promise);
      await submitDetails();

      expect((submitButton() as HTMLButtonElement).disabled).toBe(true);
      expect(textOf(submitButton())).toBe('Creating account…');
      expect(submitButton().querySelector('.spinner')?.getAttribute('aria-hidden')).toBe('true');
      expect(form().getAttribute('aria-busy')).toBe('true');
      form().requestSubmit();
      expect(native.startSignUp).toHaveBeenCalledTimes(1);

      pending.reject({ kind: 'network', message: 'x' });
      await settle(fixture);
      expect((submitButton() as HTMLButtonElement).disabled).toBe(false);
      expect(textOf(submitButton())).toBe('Create account');
      expect(form().getAttribute('aria-busy')).toBe('false');
    });
  });

  describe('when the server refuses the password', () => {
    beforeEach(() => render());

    it.each(PASSWORD_REFUSALS)(
      'says %s at the password field in plain words',
      async (kind, sentence) => {
        await failWith({
          kind,
          message: 'x',
          correlationId: 'c0ffee00-0000-4000-8000-000000000001',
        });

        expect(descriptionsOf(password())).toEqual([POLICY, sentence]);
        expect(password().getAttribute('aria-invalid')).toBe('true');
        expect(pageAlertText()).toBe('');
        expect(heading()).toBe('Create your account');
      },
    );

    it('clears the password, keeps the other details and puts focus on the password', async () => {
      await failWith({ kind: 'password_too_weak', message: 'x' });
      expect(password().value).toBe('');
      expect(email().value).toBe('carol@contoso.com');
      expect(displayName().value).toBe('Carol Jones');
      expect(email().getAttribute('aria-invalid')).toBe('false');
      expect(document.activeElement).toBe(password());
      expect(componentState()).not.toContain(PASSWORD);
    });

    it('drops the refusal at the next attempt', async () => {
      await failWith({ kind: 'password_banned', message: 'x' });
      native.startSignUp.mockReturnValueOnce(deferred<never>().promise);
      typeInto(password(), 'Another-Passw0rd!');
      submitButton().click();
      await settle(fixture);
      expect(descriptionsOf(password())).toEqual([POLICY, '']);
      expect(password().getAttribute('aria-invalid')).toBe('false');
    });
  });

  describe('when the email address already has an account', () => {
    const sentence = 'An account with this email address already exists. Sign in instead.';

    it('says so in the page alert, with a link to sign in, and marks the email field', async () => {
      await render();
      await failWith({ kind: 'user_exists', message: 'x' });

      expect(pageAlertText()).toBe(`${sentence} Go to sign-in`);
      const link = getByRole(fixture, 'link', { name: 'Go to sign-in' });
      expect(link.getAttribute('href')).toBe('/sign-in');
      expect(email().getAttribute('aria-invalid')).toBe('true');
      expect(descriptionsOf(email())).toEqual(['', `${sentence} Go to sign-in`]);
      expect(document.activeElement).toBe(email());
      expect(password().value).toBe('');
      expect(descriptionsOf(password())).toEqual([POLICY, '']);
      expect(password().getAttribute('aria-invalid')).toBe('false');
    });

    it('hands the returnUrl on to the sign-in page', async () => {
      await render({ returnUrl: '/profile' });
      await failWith({ kind: 'user_exists', message: 'x' });
      const link = getByRole(fixture, 'link', { name: 'Go to sign-in' });
      expect(link.getAttribute('href')).toBe('/sign-in?returnUrl=%2Fprofile');
      expect(getByRole(fixture, 'link', { name: 'Sign in' }).getAttribute('href')).toBe(
        '/sign-in?returnUrl=%2Fprofile',
      );
    });

    it('unmarks the email field at the next attempt', async () => {
      await render();
      await failWith({ kind: 'user_exists', message: 'x' });
      native.startSignUp.mockReturnValueOnce(deferred<never>().promise);
      await submitDetails({ email: 'carol.jones@contoso.com' });
      expect(email().getAttribute('aria-invalid')).toBe('false');
      expect(descriptionsOf(email())).toEqual(['']);
      expect(pageAlertText()).toBe('');
    });
  });

  describe('after any other failure', () => {
    beforeEach(() => render());

    it.each<[string, AuthError, string]>([
      ['details the server does not accept', ...AUTH_FAILURES.invalidDetails],
      ['throttling with a retry time', ...AUTH_FAILURES.throttledFor45Seconds],
      ['a network failure', ...AUTH_FAILURES.network],
      ['a server error', ...AUTH_FAILURES.serverError],
      [
        'a user flow this client cannot drive',
        { kind: 'not_supported', message: 'x' },
        "Accounts can't be created here right now. Contact support if you think they should.",
      ],
      [
        'anything else',
        { kind: 'unknown', message: 'x' },
        'Something went wrong while creating your account. Try again.',
      ],
    ])('announces %s in the page alert', async (_case, error, message) => {
      await failWith(error);
      expect(pageAlertText()).toBe(message);
      expect(descriptionsOf(password())).toEqual([POLICY, '']);
      expect(password().value).toBe('');
      expect(document.activeElement).toBe(password());
    });

    it('puts the alert after the submit button, so that it pushes no field down', async () => {
      await failWith({ kind: 'network', message: 'x' });
      const alert = queryAllByRole(fixture, 'alert').at(-1)!;
      const order = submitButton().compareDocumentPosition(alert);
      expect(order & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });

    it('treats a rejection that is not an AuthError as unknown', async () => {
      native.startSignUp.mockRejectedValueOnce(new TypeError('bug'));
      await submitDetails();
      expect(pageAlertText()).toBe('Something went wrong while creating your account. Try again.');
    });

    it('offers the correlation id as a support code', async () => {
      await failWith({
        kind: 'server_error',
        message: 'x',
        correlationId: '7c3f1c52-1b9e-4c1d-8a51-3e1f0f3a9b10',
      });
      const alert = queryAllByRole(fixture, 'alert').at(-1)!;
      expect(Array.from(alert.querySelectorAll('p'), textOf)).toEqual([
        'The sign-in service is having a problem. Try again in a few minutes.',
        'Support code: 7c3f1c52-1b9e-4c1d-8a51-3e1f0f3a9b10',
      ]);
    });

    it('clears the alert at the next attempt', async () => {
      await failWith({ kind: 'network', message: 'x' });
      native.startSignUp.mockReturnValueOnce(deferred<never>().promise);
      typeInto(password(), PASSWORD);
      submitButton().click();
      await settle(fixture);
      expect(pageAlertText()).toBe('');
    });
  });

  describe('the code step', () => {
    it('replaces the details with the code form, naming the masked address', async () => {
      await render();
      await reachCodeStep();

      expect(queryByRole(fixture, 'textbox', { name: 'Email address' })).toBeNull();
      expect(queryByRole(fixture, 'password')).toBeNull();
      expect(textOf(fixture.nativeElement as HTMLElement)).toContain('c***l@co*****.com');
      const code = getByLabelText(fixture, 'Code');
      expect(code.autocomplete).toBe('one-time-code');
      expect(document.activeElement).toBe(code);
      expect(getByRole(fixture, 'button', { name: 'Create account' })).toBeTruthy();
    });

    it('keeps the flow in memory only: no storage written, no navigation', async () => {
      const setItem = jest.spyOn(Storage.prototype, 'setItem');
      await render();
      await reachCodeStep();
      expect(setItem).not.toHaveBeenCalled();
      expect(localStorage.length + sessionStorage.length).toBe(0);
      expect(navigateByUrl).not.toHaveBeenCalled();
      setItem.mockRestore();
    });

    it('creates the account with the code and goes to /notes', async () => {
      await render();
      await reachCodeStep();
      await enterCode('12345678');
      expect(native.signUp.submitCode).toHaveBeenCalledTimes(1);
      expect(native.signUp.submitCode).toHaveBeenCalledWith('12345678');
      expect(navigateByUrl).toHaveBeenCalledTimes(1);
      expect(navigateByUrl).toHaveBeenCalledWith('/notes');
    });

    it('goes to the returnUrl inside the app', async () => {
      await render({ returnUrl: '/profile?tab=claims' });
      await reachCodeStep();
      await enterCode();
      expect(navigateByUrl).toHaveBeenCalledWith('/profile?tab=claims');
    });

    it.each(['//evil.example/phish', 'https://evil.example/', 'javascript:alert(1)'])(
      'refuses the returnUrl %s and goes to /notes',
      async (returnUrl) => {
        await render({ returnUrl });
        await reachCodeStep();
        await enterCode();
        expect(navigateByUrl).toHaveBeenCalledWith('/notes');
      },
    );

    it('stays on the code step after a wrong code', async () => {
      await render();
      await reachCodeStep();
      native.signUp.submitCode.mockRejectedValueOnce({ kind: 'invalid_code', message: 'x' });
      await enterCode();
      expect(navigateByUrl).not.toHaveBeenCalled();
      expect(heading()).toBe('Check your email');
      expect(textOf(queryAllByRole(fixture, 'alert')[0]!)).toBe(
        'That code is wrong or no longer valid. Check the newest email, or send a new code.',
      );
    });

    it('goes back to the details for a different email, keeping what was typed but the password', async () => {
      await render();
      await reachCodeStep();
      getByRole(fixture, 'button', { name: 'Use a different email' }).click();
      await settle(fixture);

      expect(heading()).toBe('Create your account');
      expect(email().value).toBe('carol@contoso.com');
      expect(displayName().value).toBe('Carol Jones');
      expect(password().value).toBe('');
      expect(document.activeElement).toBe(email());
      expect(pageAlertText()).toBe('');
      for (const field of [email(), displayName(), password()])
        expect(field.getAttribute('aria-invalid')).toBe('false');
    });

    it('starts a new flow from the details after going back', async () => {
      await render();
      await reachCodeStep();
      getByRole(fixture, 'button', { name: 'Use a different email' }).click();
      await settle(fixture);
      await submitDetails({ email: 'carol.jones@contoso.com' });
      expect(native.startSignUp).toHaveBeenCalledTimes(2);
      expect(native.startSignUp).toHaveBeenLastCalledWith({
        email: 'carol.jones@contoso.com',
        displayName: 'Carol Jones',
        password: PASSWORD,
      });
      expect(heading()).toBe('Check your email');
    });

    it('starts again from the details when the flow expires, saying why', async () => {
      await render();
      await reachCodeStep();
      native.signUp.submitCode.mockRejectedValueOnce({ kind: 'flow_expired', message: 'x' });
      await enterCode();

      expect(heading()).toBe('Create your account');
      expect(pageAlertText()).toBe('This took too long and has expired. Please start again.');
      expect(email().value).toBe('carol@contoso.com');
      expect(displayName().value).toBe('Carol Jones');
      expect(password().value).toBe('');
      expect(document.activeElement).toBe(password());
      expect(navigateByUrl).not.toHaveBeenCalled();
    });
  });
});
