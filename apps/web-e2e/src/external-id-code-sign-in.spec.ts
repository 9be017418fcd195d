import { EXTERNAL_ID_EMAIL_OTP_STACK_OPTIONS } from './support/external-id-stack-options';
import { CAROL } from './support/external-id-tenant';
import { findSeriousAccessibilityViolations } from './support/find-serious-accessibility-violations';
import { recordApiCalls } from './support/record-api-calls';
import { saveScreenshot } from './support/save-screenshot';
import { useTestStack } from './support/use-test-stack';

/**
 * The web client on External ID's e-mail one-time passcode app (contoso-notes-otp,
 * `"signInMethod": "email-otp"`): carol, who has no password, signs in with the code the
 * emulator "e-mailed" — in Chromium, through the native-auth proxy.
 */
describe('sign-in with an e-mailed code on Entra External ID', () => {
  const fixture = useTestStack(EXTERNAL_ID_EMAIL_OTP_STACK_OPTIONS);

  afterEach(async () => {
    await fixture.stack.resetEmulator();
  });

  it('sends carol a code, refuses a wrong one plainly, signs her in with the right one', async () => {
    const page = await fixture.newPage();
    const calls = recordApiCalls(page);
    await page.goto(`${fixture.stack.webUrl}/notes`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await page.getByLabel('Password', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Forgot your password?' }).count()).toBe(0);

    await page.getByLabel('Email address').fill(CAROL.email);
    await page.getByRole('button', { name: 'Send code' }).click();
    const code = page.getByLabel('Code');
    await code.waitFor();
    expect([await code.getAttribute('autocomplete'), await code.getAttribute('inputmode')]).toEqual(
      ['one-time-code', 'numeric'],
    );
    expect(await page.getByRole('button', { name: 'Send a new code' }).isDisabled()).toBe(true);

    await code.fill('00000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(
        'That code is wrong or no longer valid. Check the newest email, or send a new code.',
      )
      .waitFor();
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'external-id-code-sign-in-wrong-code');

    await code.fill(await fixture.stack.waitForCode(CAROL.email, 'sign-in'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
    await page.getByText('No notes yet', { exact: false }).waitFor();

    expect(calls).toEqual([
      'POST /api/auth/refresh 400',
      'POST /api/auth/native/oauth2/v2.0/initiate 200',
      'POST /api/auth/native/oauth2/v2.0/challenge 200',
      'POST /api/auth/native/oauth2/v2.0/token 400',
      'POST /api/auth/native/oauth2/v2.0/token 200',
      'GET /api/notes 200',
    ]);
  });

  it('works from the keyboard alone: Tab to the address, Enter, the code field has focus, Enter', async () => {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    const focusedId = (): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');
    for (let presses = 0; presses < 15 && (await focusedId()) !== 'username'; presses++) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedId()).toBe('username');

    await page.keyboard.type(CAROL.email);
    await page.keyboard.press('Enter');
    await page.getByLabel('Code').waitFor();
    // The code form takes focus once it is drawn.
    await page.waitForFunction(() => document.activeElement?.id === 'one-time-code');
    expect(await focusedId()).toBe('one-time-code');
    await page.keyboard.type(await fixture.stack.waitForCode(CAROL.email, 'sign-in'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
  });
});
