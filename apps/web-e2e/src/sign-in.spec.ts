import { ALICE, BOB, LOCKOUT_THRESHOLD } from './support/e2e-tenant';
import { PROXY_STACK_OPTIONS } from './support/proxy-stack-options';
import { readFacts } from './support/read-facts';
import { recordApiCalls } from './support/record-api-calls';
import { attemptSignIn, signInAs } from './support/sign-in-as';
import { useTestStack } from './support/use-test-stack';
import { waitForText } from './support/wait-for-text';

const INCORRECT = 'The email or password is incorrect.';
const LOCKED = 'Your account is temporarily locked to prevent unauthorized use.';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('signing in through the proxy', () => {
  const fixture = useTestStack(PROXY_STACK_OPTIONS);

  afterEach(async () => {
    await fixture.stack.resetEmulator();
  });

  it('sends alice to sign in first, then to her profile with her name and email', async () => {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}/profile`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    const signInUrl = new URL(page.url());
    expect([signInUrl.pathname, signInUrl.searchParams.get('returnUrl')]).toEqual([
      '/sign-in',
      '/profile',
    ]);

    await signInAs(page, ALICE);

    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/profile');
    const banner = page.getByRole('banner');
    await banner.getByText(`Signed in as ${ALICE.displayName}`, { exact: true }).waitFor();
    const idToken = await readFacts(page.getByRole('region', { name: 'From your ID token' }));
    expect(idToken).toMatchObject({
      Name: ALICE.displayName,
      'Email addresses': ALICE.email,
      'Object ID': ALICE.objectId,
      Policy: 'B2C_1_ROPC_Auth',
    });
    const apiView = await readFacts(page.getByRole('region', { name: 'What the API sees' }));
    expect(apiView).toMatchObject({
      'Object ID': ALICE.objectId,
      Name: ALICE.displayName,
      'Email addresses': ALICE.email,
      Scopes: 'notes.read notes.write',
      Policy: 'B2C_1_ROPC_Auth',
    });
  });

  it('says the email or password is incorrect, keeps the email and clears the password', async () => {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}/sign-in`);

    const answer = await attemptSignIn(page, ALICE, 'Not-Alices-Passw0rd!');

    expect([answer.status, answer.b2cCode]).toEqual([400, 'AADB2C90225']);
    const alert = page.getByRole('alert');
    expect(
      await waitForText(alert, `${INCORRECT} Support code: ${String(answer.correlationId)}`),
    ).toBe(`${INCORRECT} Support code: ${String(answer.correlationId)}`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByLabel('Email address').inputValue()).toBe(ALICE.email);
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
  });

  it('says the account is locked once the lockout threshold of wrong passwords is reached', async () => {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}/sign-in`);
    const alert = page.getByRole('alert');
    const codes: (string | undefined)[] = [];
    const shown: string[] = [];
    const expected: string[] = [];

    // Distinct wrong passwords: B2C counts a repeated wrong password once.
    for (let attempt = 1; attempt <= LOCKOUT_THRESHOLD; attempt++) {
      const answer = await attemptSignIn(page, BOB, `Wrong-Passw0rd-${attempt}`);
      const message = attempt < LOCKOUT_THRESHOLD ? INCORRECT : `${LOCKED} Try again in 1 minute.`;
      expected.push(`${message} Support code: ${String(answer.correlationId)}`);
      codes.push(answer.b2cCode);
      shown.push(await waitForText(alert, expected.at(-1) ?? ''));
    }

    expect(codes).toEqual([
      ...Array<string>(LOCKOUT_THRESHOLD - 1).fill('AADB2C90225'),
      'AADB2C90114',
    ]);
    expect(shown).toEqual(expected);

    // Locked means locked: the right password is refused too while the lock lasts.
    const rightPassword = await attemptSignIn(page, BOB);
    expect([rightPassword.status, rightPassword.b2cCode]).toEqual([400, 'AADB2C90114']);
    const lockedAgain = new RegExp(
      `^${escapeRegExp(LOCKED)} Try again in (1 minute|[1-5]?[0-9] seconds)\\. Support code: ${String(rightPassword.correlationId)}$`,
    );
    expect(await waitForText(alert, lockedAgain)).toMatch(lockedAgain);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('keeps alice signed in across a reload with the session cookie and one start-up refresh', async () => {
    const page = await fixture.newPage();
    const calls = recordApiCalls(page);
    await page.goto(`${fixture.stack.webUrl}/notes`);
    await signInAs(page, ALICE);
    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
    await page.getByText('No notes yet. Add your first one above.', { exact: true }).waitFor();
    const beforeReload = calls.length;

    await page.reload();

    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
    await page.getByText('No notes yet. Add your first one above.', { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/notes');
    await page
      .getByRole('banner')
      .getByText(`Signed in as ${ALICE.displayName}`, { exact: true })
      .waitFor();
    expect(calls.slice(beforeReload)).toEqual(['POST /api/auth/refresh 200', 'GET /api/notes 200']);
  });
});
