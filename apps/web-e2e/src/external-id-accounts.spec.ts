import { randomBytes } from 'node:crypto';
import type { Page, Response } from 'playwright-core';
import { expectAppCsp } from './support/app-csp';
import { elementBoxes } from './support/element-boxes';
import { EXTERNAL_ID_PASSWORD_STACK_OPTIONS } from './support/external-id-stack-options';
import { EXTERNAL_ID_ALICE } from './support/external-id-tenant';
import { findSeriousAccessibilityViolations } from './support/find-serious-accessibility-violations';
import { recordApiCalls } from './support/record-api-calls';
import { saveScreenshot } from './support/save-screenshot';
import { signInAs } from './support/sign-in-as';
import { useTestStack } from './support/use-test-stack';

/** A password External ID accepts that contains no part of the test addresses. */
const NEW_PASSWORD = 'Str0ng-Secret!42';

/**
 * The web client on Entra External ID (contoso-notes-spa, e-mail with password) through the
 * native-auth proxy's cookie mode: sign-up with the code from the emulator's outbox, notes
 * through the API, a reload, sign-out, and a password reset — in Chromium, over real HTTP.
 */
describe('accounts on Entra External ID', () => {
  const fixture = useTestStack(EXTERNAL_ID_PASSWORD_STACK_OPTIONS);

  afterEach(async () => {
    await fixture.stack.resetEmulator();
  });

  /** Every `/api/auth` answer's body, to prove no refresh token ever reaches the page. */
  function recordAuthBodies(page: Page): Promise<string>[] {
    const bodies: Promise<string>[] = [];
    page.on('response', (response: Response) => {
      if (new URL(response.url()).pathname.startsWith('/api/auth/')) {
        bodies.push(response.text().catch(() => ''));
      }
    });
    return bodies;
  }

  it('signs a new user up with the e-mailed code, keeps them signed in across a reload, and signs out', async () => {
    const page = await fixture.newPage();
    const calls = recordApiCalls(page);
    const authBodies = recordAuthBodies(page);
    const email = `dana.${randomBytes(4).toString('hex')}@contoso.com`;
    await page.goto(`${fixture.stack.webUrl}/sign-in`);
    await page.getByRole('link', { name: 'New here? Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account', level: 1 }).waitFor();

    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Display name').fill('Dana Contoso');
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email', level: 1 }).waitFor();
    await page.getByLabel('Code').fill(await fixture.stack.waitForCode(email, 'sign-up'));
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
    // The list has loaded (GET answered) before the note is added: the calls keep their order.
    await page.getByText('No notes yet', { exact: false }).waitFor();
    const form = page.getByRole('region', { name: 'Add a note' });
    await form.getByLabel('Title', { exact: true }).fill('Signed up on External ID');
    await form.getByRole('button', { name: 'Add note' }).click();
    const list = page.getByRole('region', { name: 'Your notes' });
    await list.getByRole('article', { name: 'Signed up on External ID' }).waitFor();

    await page.reload();
    await list.getByRole('article', { name: 'Signed up on External ID' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

    expect(calls).toEqual([
      'POST /api/auth/refresh 400',
      'POST /api/auth/native/signup/v1.0/start 200',
      'POST /api/auth/native/signup/v1.0/challenge 200',
      'POST /api/auth/native/signup/v1.0/continue 200',
      'POST /api/auth/native/oauth2/v2.0/token 200',
      'GET /api/notes 200',
      'POST /api/notes 201',
      'POST /api/auth/refresh 200',
      'GET /api/notes 200',
      'POST /api/auth/sign-out 204',
    ]);
    const bodies = await Promise.all(authBodies);
    expect(bodies.filter((body) => body.includes('refresh_token"'))).toEqual([]);
  });

  it('resets a forgotten password with the e-mailed code and signs in; then only the new password works', async () => {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    await page.getByLabel('Email address').fill(EXTERNAL_ID_ALICE.email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByRole('heading', { name: 'Check your email', level: 1 }).waitFor();
    const code = await fixture.stack.waitForCode(EXTERNAL_ID_ALICE.email, 'password-reset');
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Reset password' }).click();

    // The emulator answers the first poll "in progress", so the wait is shown.
    await page.getByRole('progressbar', { name: 'Resetting your password' }).waitFor();
    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await signInAs(page, EXTERNAL_ID_ALICE);
    await page.getByRole('alert').getByText('The email or password is incorrect.').waitFor();
    await signInAs(page, EXTERNAL_ID_ALICE, NEW_PASSWORD);
    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
  });

  it('signs alice in with her password; the API sees the External ID authority', async () => {
    const page = await fixture.newPage();
    // Under the strict CSP of staticwebapp.config.json; useTestStack fails on any violation.
    expectAppCsp(await page.goto(`${fixture.stack.webUrl}/profile`));
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    const me = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/me');
    await signInAs(page, EXTERNAL_ID_ALICE);
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();

    const answer = (await (await me).json()) as Record<string, unknown>;
    expect(answer).toMatchObject({
      oid: EXTERNAL_ID_ALICE.objectId,
      name: EXTERNAL_ID_ALICE.displayName,
      emails: [EXTERNAL_ID_ALICE.email],
      policy: null,
      authority: fixture.stack.externalIdAuthority,
    });
  });

  it('moves nothing on the sign-up page when errors appear', async () => {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}/sign-up`);
    await page.getByRole('heading', { name: 'Create your account', level: 1 }).waitFor();
    const drawn = [
      page.getByLabel('Email address'),
      page.getByLabel('Display name'),
      page.getByLabel('Password', { exact: true }),
      page.getByRole('button', { name: 'Create account' }),
    ];
    const before = await elementBoxes(drawn);

    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter your email address.').waitFor();
    const withFieldErrors = await elementBoxes(drawn);

    await page
      .getByLabel('Email address')
      .fill(`fay.${randomBytes(4).toString('hex')}@contoso.com`);
    await page.getByLabel('Display name').fill('Fay Contoso');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('This password is too short. Use at least 8 characters.').waitFor();
    const withPasswordError = await elementBoxes(drawn);

    await page.getByLabel('Email address').fill(EXTERNAL_ID_ALICE.email);
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page
      .getByRole('alert')
      .getByText('An account with this email address already exists.', { exact: false })
      .waitFor();
    const withAccountExists = await elementBoxes(drawn);

    expect({ withFieldErrors, withPasswordError, withAccountExists }).toEqual({
      withFieldErrors: before,
      withPasswordError: before,
      withAccountExists: before,
    });
  });

  it('has no serious or critical accessibility violations on the sign-up and reset steps', async () => {
    const page = await fixture.newPage();
    const found: Record<string, unknown> = {};
    await page.goto(`${fixture.stack.webUrl}/sign-up`);
    await page.getByRole('heading', { name: 'Create your account', level: 1 }).waitFor();
    found['sign-up'] = await findSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'external-id-sign-up');

    const email = `erin.${randomBytes(4).toString('hex')}@contoso.com`;
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Display name').fill('Erin Contoso');
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('Code').fill('00000000');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page
      .getByRole('alert')
      .getByText('That code is wrong or no longer valid.', { exact: false })
      .waitFor();
    found['sign-up code, wrong code'] = await findSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'external-id-sign-up-code');

    await page.goto(`${fixture.stack.webUrl}/reset-password`);
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    found['reset'] = await findSeriousAccessibilityViolations(page);
    await page.getByLabel('Email address').fill(EXTERNAL_ID_ALICE.email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page
      .getByLabel('Code')
      .fill(await fixture.stack.waitForCode(EXTERNAL_ID_ALICE.email, 'password-reset'));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
    found['reset, new password'] = await findSeriousAccessibilityViolations(page);
    await saveScreenshot(page, 'external-id-reset-new-password');

    expect(found).toEqual({
      'sign-up': [],
      'sign-up code, wrong code': [],
      reset: [],
      'reset, new password': [],
    });
  });
});
