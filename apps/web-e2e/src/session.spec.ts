import type { Page } from 'playwright-core';
import { ACCESS_TOKEN_SECONDS, ALICE, REFRESH_TOKEN_SECONDS } from './support/e2e-tenant';
import { PROXY_STACK_OPTIONS } from './support/proxy-stack-options';
import { recordApiCalls } from './support/record-api-calls';
import { signInAs } from './support/sign-in-as';
import { useTestStack } from './support/use-test-stack';
import { waitForText } from './support/wait-for-text';

/** Past the access token's life, as the browser's clock sees it. */
const PAST_ACCESS_TOKEN_MS = (ACCESS_TOKEN_SECONDS + 5) * 1000;
/** Past the refresh token's life, as the emulator's clock sees it. */
const PAST_REFRESH_TOKEN_SECONDS = REFRESH_TOKEN_SECONDS + 60;

describe('session lifetime', () => {
  const fixture = useTestStack(PROXY_STACK_OPTIONS);

  afterEach(async () => {
    // Puts the emulator's clock back too, even when a test failed half-way.
    await fixture.stack.resetEmulator();
  });

  async function signInAt(page: Page, path: string, heading: string): Promise<void> {
    await page.goto(`${fixture.stack.webUrl}${path}`);
    await signInAs(page, ALICE);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }

  async function addNote(page: Page, title: string): Promise<void> {
    const form = page.getByRole('region', { name: 'Add a note' });
    await form.getByLabel('Title', { exact: true }).fill(title);
    await form.getByRole('button', { name: 'Add note' }).click();
  }

  it('refreshes an expired access token without the user noticing', async () => {
    const page = await fixture.newPage();
    await page.clock.install();
    const calls = recordApiCalls(page);
    await signInAt(page, '/notes', 'Notes');
    await addNote(page, 'Before the token expired');
    await page.getByRole('status').getByText('Added “Before the token expired”.').waitFor();
    const beforeExpiry = calls.length;

    await page.clock.fastForward(PAST_ACCESS_TOKEN_MS);
    await addNote(page, 'After the token expired');

    const list = page.getByRole('region', { name: 'Your notes' });
    await list.getByRole('article', { name: 'After the token expired' }).waitFor();
    expect(
      await waitForText(
        page.getByRole('status').getByText(/^Added/),
        'Added “After the token expired”.',
      ),
    ).toBe('Added “After the token expired”.');
    expect(calls.slice(0, beforeExpiry)).toEqual([
      'POST /api/auth/refresh 400',
      'POST /api/auth/token 200',
      'GET /api/notes 200',
      'POST /api/notes 201',
    ]);
    expect(calls.slice(beforeExpiry)).toEqual([
      'POST /api/auth/refresh 200',
      'POST /api/notes 201',
    ]);
    expect(new URL(page.url()).pathname).toBe('/notes');
    expect(await page.getByRole('alert').allInnerTexts()).toEqual(['']);
  });

  it('sends the user to sign in after the refresh token expired, then back to their page', async () => {
    const page = await fixture.newPage();
    const calls = recordApiCalls(page);
    await signInAt(page, '/profile', 'Profile');
    const apiView = page.getByRole('region', { name: 'What the API sees' });
    await apiView.getByRole('term').first().waitFor();
    const beforeExpiry = calls.length;

    await fixture.stack.setEmulatorClock(PAST_REFRESH_TOKEN_SECONDS);
    await page.reload();

    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    const signInUrl = new URL(page.url());
    expect([signInUrl.pathname, signInUrl.searchParams.get('returnUrl')]).toEqual([
      '/sign-in',
      '/profile',
    ]);
    // The time has passed; the API's clock never moved, so new tokens must be minted at its time.
    await fixture.stack.setEmulatorClock(0);
    await signInAs(page, ALICE);
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    await apiView.getByRole('term').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/profile');
    expect(calls.slice(beforeExpiry)).toEqual([
      'POST /api/auth/refresh 400',
      'POST /api/auth/token 200',
      'GET /api/me 200',
    ]);
  });

  it('says the session has ended when the refresh token expires during use, keeping the page', async () => {
    const page = await fixture.newPage();
    await page.clock.install();
    await signInAt(page, '/notes', 'Notes');

    await fixture.stack.setEmulatorClock(PAST_REFRESH_TOKEN_SECONDS);
    await page.clock.fastForward(PAST_ACCESS_TOKEN_MS);
    await addNote(page, 'Written too late');

    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    const signInUrl = new URL(page.url());
    expect([signInUrl.pathname, signInUrl.searchParams.get('returnUrl')]).toEqual([
      '/sign-in',
      '/notes',
    ]);
    const message = page.getByRole('alert').getByRole('paragraph').first();
    expect(await waitForText(message, 'Your session has ended. Sign in again to continue.')).toBe(
      'Your session has ended. Sign in again to continue.',
    );
    await fixture.stack.setEmulatorClock(0);
    await signInAs(page, ALICE);
    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/notes');
  });

  it('signs every tab out when the user signs out in one', async () => {
    const context = await fixture.newContext();
    const first = await context.newPage();
    const firstCalls = recordApiCalls(first);
    await signInAt(first, '/notes', 'Notes');
    const second = await context.newPage();
    await second.goto(`${fixture.stack.webUrl}/profile`);
    await second.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    const secondSignOut = second.getByRole('button', { name: 'Sign out' });
    await secondSignOut.waitFor();

    await first.getByRole('button', { name: 'Sign out' }).click();

    await first.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(firstCalls.at(-1)).toBe('POST /api/auth/sign-out 204');
    // The other tab leaves its private page by itself, keeping where it was.
    await second.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(new URL(second.url()).searchParams.get('returnUrl')).toBe('/profile');
    expect(await second.getByText(ALICE.displayName).count()).toBe(0);
    // Ended server-side too: a reload finds no session to restore.
    await second.reload();
    await second.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  });
});
