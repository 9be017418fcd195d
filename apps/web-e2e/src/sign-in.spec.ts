import { expectAppCsp } from './support/app-csp';
import { ALICE, ANONYMOUS_FAILURE_BUDGET, BOB } from './support/e2e-tenant';
import { elementBoxes } from './support/element-boxes';
import { PROXY_STACK_OPTIONS } from './support/proxy-stack-options';
import { readFacts } from './support/read-facts';
import { recordApiCalls } from './support/record-api-calls';
import { attemptSignIn, signInAs } from './support/sign-in-as';
import { useTestStack } from './support/use-test-stack';
import { waitForText } from './support/wait-for-text';

const INCORRECT = 'The email or password is incorrect.';
const PAUSED = 'For your protection, sign-in to this account from a new device is paused';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('signing in through the proxy', () => {
  const fixture = useTestStack(PROXY_STACK_OPTIONS);

  afterEach(async () => {
    await fixture.stack.resetEmulator();
  });

  it('sends alice to sign in first, then to her profile with her name and email', async () => {
    const page = await fixture.newPage();
    // Under the strict CSP of staticwebapp.config.json; useTestStack fails on any violation.
    expectAppCsp(await page.goto(`${fixture.stack.webUrl}/profile`));
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

  it('moves nothing the user aims at when a field error or the refusal appears', async () => {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}/sign-in`);
    const drawn = [
      page.getByLabel('Email address'),
      page.getByLabel('Password', { exact: true }),
      page.getByRole('button', { name: 'Sign in', exact: true }),
    ];
    await drawn[0]!.waitFor();
    const before = await elementBoxes(drawn);

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Enter your email address.').waitFor();
    const withFieldErrors = await elementBoxes(drawn);
    // Nobody's account: alice's and bob's failure budgets are for the tests that count them.
    await attemptSignIn(page, { ...ALICE, email: 'nobody@contoso.com' }, 'Any-Passw0rd!');
    await page.getByRole('alert').getByText(INCORRECT).waitFor();
    const withRefusal = await elementBoxes(drawn);

    expect({ withFieldErrors, withRefusal }).toEqual({
      withFieldErrors: before,
      withRefusal: before,
    });
  });

  it("protects an account under attack: a new browser is paused after the anonymous budget of wrong passwords, the owner's browser still signs in, and the authority never locks it", async () => {
    // Bob's own browser signed in before, so the proxy knows it (the ropc_device cookie).
    const owner = await fixture.newPage();
    await owner.goto(`${fixture.stack.webUrl}/sign-in`);
    expect((await attemptSignIn(owner, BOB)).status).toBe(200);
    await owner.getByRole('button', { name: 'Sign out', exact: true }).click();
    await owner.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

    const attacker = await fixture.newPage();
    await attacker.goto(`${fixture.stack.webUrl}/sign-in`);
    const alert = attacker.getByRole('alert');
    // Distinct wrong passwords, as a guesser would send.
    const guesses = ['Winter-Passw0rd', 'Autumn-Passw0rd', 'Spring-Passw0rd', 'Summer-Passw0rd'];
    const answers = [];
    for (const guess of guesses) answers.push(await attemptSignIn(attacker, BOB, guess));
    expect(answers.map((answer) => [answer.status, answer.b2cCode])).toEqual([
      ...Array<unknown>(ANONYMOUS_FAILURE_BUDGET).fill([400, 'AADB2C90225']),
      ...Array<unknown>(guesses.length - ANONYMOUS_FAILURE_BUDGET).fill([429, 'AADB2C90244']),
    ]);
    const paused = new RegExp(
      `^${escapeRegExp(PAUSED)}; try again in (24|23) hours or use a device you signed in from before\\. Support code: ${String(answers.at(-1)?.correlationId)}$`,
    );
    expect(await waitForText(alert, paused)).toMatch(paused);
    // Even the right password waits on a browser the account never signed in from.
    const rightFromNewBrowser = await attemptSignIn(attacker, BOB);
    expect([rightFromNewBrowser.status, rightFromNewBrowser.b2cCode]).toEqual([429, 'AADB2C90244']);

    const fromKnownBrowser = await attemptSignIn(owner, BOB);
    expect(fromKnownBrowser.status).toBe(200);
    await owner
      .getByRole('banner')
      .getByText(`Signed in as ${BOB.displayName}`, { exact: true })
      .waitFor();
    // The emulator never locked bob: it saw only the anonymous budget's failures.
    expect(fixture.stack.output()['b2c-emulator']?.match(/AADB2C90114/gu) ?? []).toEqual([]);
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
