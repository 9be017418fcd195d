import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, recordCspViolations } from '@ropc/browser-testing';
import { startBuiltEmulator, type RunningEmulator } from '@ropc/native-auth-testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findWcagViolations } from './support/accessibility';
import { ARTIFACTS_DIR, CONSOLE_TENANT_FILE } from './support/paths';
import {
  B2C_TENANT,
  EXTERNAL_ID_TENANT,
  b2cKids,
  b2cRefresh,
  b2cSignIn,
  startExternalIdCodeSignIn,
} from './support/sign-in';

/**
 * The emulator console in Chromium against the built emulator, started with a tenant file whose
 * users and application carry markup for names: the key entered once and kept out of URLs,
 * cookies, localStorage and the page; hostile names shown as text with nothing run; users created,
 * reset, disabled and revoked with the effect checked over HTTP; a lockout shown and cleared; a
 * key rotation seen in the JWKS; the clock moved; an e-mailed code read from the outbox; the key
 * forgotten, and a wrong one refused. No CSP violation and no WCAG A/AA violation throughout.
 */

const HOSTILE_USER = '<img src=x onerror="window.__xss=1">';
const HOSTILE_USER_2 = '"><script>window.__xss=2</script><svg onload="window.__xss=4">';
const HOSTILE_APP = 'ROPC_Auth_app <b onmouseover="window.__xss=3">';
const HOSTILE_EXTERNAL_USER = '<iframe src="javascript:window.__xss=5"></iframe>';

let emulator: RunningEmulator;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cspViolations: string[];
const requestedUrls: string[] = [];
const pageErrors: string[] = [];

/** The key field (the section around it has the same name). */
const keyField = () => page.getByRole('region', { name: 'Admin key' }).getByLabel('Admin key');

/** Waits until the console's status line says `text` (all of it). */
async function statusSays(text: string): Promise<void> {
  const exact = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'u');
  await page.locator('#status', { hasText: exact }).waitFor();
}

/** The text of every cell of the table in `containerId`, row by row. */
function tableRows(containerId: string): Promise<string[][]> {
  return page
    .locator(`#${containerId} tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
    );
}

/** Whether anything of the page's own doing ran: markup executed or a script error. */
function injected(): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

beforeAll(async () => {
  [emulator, browser] = await Promise.all([
    startBuiltEmulator({ label: 'console-e2e', flags: ['--tenant', CONSOLE_TENANT_FILE] }),
    launchChromium(),
  ]);
  context = await browser.newContext();
  cspViolations = await recordCspViolations(context);
  context.on('request', (request) => {
    requestedUrls.push(request.url());
  });
  page = await context.newPage();
  // Every step answers within a second here; a failure should say so quickly, not after 30 s.
  page.setDefaultTimeout(5_000);
  page.on('pageerror', (error) => {
    pageErrors.push(error.message);
  });
  await page.goto(`${emulator.url}/.emulator/console`);
}, 40_000);

afterAll(async () => {
  await browser.close();
  await emulator.stop();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(join(ARTIFACTS_DIR, 'emulator.log'), emulator.output());
});

afterEach(async () => {
  expect(cspViolations).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(await injected()).toBeUndefined();
});

it('asks for the admin key, keeps it in session storage only, and lists the tenants', async () => {
  expect(await page.locator('#console').isHidden()).toBe(true);
  await keyField().fill(emulator.adminKey);
  await page.getByRole('button', { name: 'Open console' }).click();
  await statusSays('Console ready.');

  expect(await tableRows('tenants-list')).toEqual([
    [
      B2C_TENANT,
      '04fbcc13-aa6a-4630-aacc-9c6a9e838418',
      'Azure AD B2C',
      'B2C_1_ROPC_Auth',
      `${HOSTILE_APP} (360770b5-7e4f-4765-b292-87b8b2c5964d), notes-api (0e842314-a3f9-451e-a34c-f22568d6db61)`,
      '4',
      'Shown',
    ],
    [
      EXTERNAL_ID_TENANT,
      '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37',
      'Entra External ID',
      'SignUpSignIn_EmailPassword, SignUpSignIn_EmailOtp',
      'contoso-notes-spa (c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45), contoso-notes-otp ' +
        '(f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47), notes-api (e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28)',
      '4',
      'Show',
    ],
  ]);
  const stored = await page.evaluate(
    (key) => ({
      session: Object.values(sessionStorage),
      local: localStorage.length,
      cookie: document.cookie,
      field: (document.getElementById('admin-key') as HTMLInputElement).value,
      inPage: document.documentElement.outerHTML.includes(key),
    }),
    emulator.adminKey,
  );
  expect(stored).toEqual({
    session: [emulator.adminKey],
    local: 0,
    cookie: '',
    field: '',
    inPage: false,
  });
  expect(await context.cookies()).toEqual([]);
});

it('shows hostile names as text and runs nothing; passes axe', async () => {
  const names = (await tableRows('users-list')).map(([displayName]) => displayName);
  expect(names).toEqual(['Alice Contoso', 'Bob Contoso', HOSTILE_USER, HOSTILE_USER_2]);
  // Only the console's own markup: no element came from a name.
  expect(await page.locator('img, svg, iframe, b').count()).toBe(0);
  expect(await page.locator('script').count()).toBe(1);
  expect(await findWcagViolations(page)).toEqual([]);
});

it('creates a user, resets their password, disables, enables and revokes them', async () => {
  await page.getByLabel('Display name').fill('Dave Console');
  await page.getByLabel('Sign-in e-mail address').fill('dave@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill('Dave-Passw0rd-1!');
  await page.getByRole('button', { name: 'Create user' }).click();
  await statusSays('Created user Dave Console.');
  expect((await b2cSignIn(emulator.url, 'dave@contoso.com', 'Dave-Passw0rd-1!')).status).toBe(200);

  await page
    .getByLabel('User', { exact: true })
    .selectOption({ label: 'Dave Console (dave@contoso.com)' });
  await page.getByLabel('New password').fill('Dave-Passw0rd-2!');
  await page.getByRole('button', { name: 'Reset password' }).click();
  await statusSays('Password reset for Dave Console (dave@contoso.com).');
  expect(await page.getByLabel('New password').inputValue()).toBe('');
  const old = await b2cSignIn(emulator.url, 'dave@contoso.com', 'Dave-Passw0rd-1!');
  expect(old.status).toBe(400);
  expect((await b2cSignIn(emulator.url, 'dave@contoso.com', 'Dave-Passw0rd-2!')).status).toBe(200);

  await page.getByRole('button', { name: 'Disable Dave Console' }).click();
  await statusSays('Disabled Dave Console.');
  const refused = await b2cSignIn(emulator.url, 'dave@contoso.com', 'Dave-Passw0rd-2!');
  expect(refused.status).toBe(400);
  expect(String(refused.body['error_description'])).toMatch(/^AADB2C90111:/u);

  await page.getByRole('button', { name: 'Enable Dave Console' }).click();
  await statusSays('Enabled Dave Console.');
  const signedIn = await b2cSignIn(emulator.url, 'dave@contoso.com', 'Dave-Passw0rd-2!');
  expect(signedIn.status).toBe(200);
  await page.getByRole('button', { name: 'Revoke sessions of Dave Console' }).click();
  await statusSays('Revoked the sign-in sessions of Dave Console.');
  const revoked = await b2cRefresh(emulator.url, String(signedIn.body['refresh_token']));
  expect(revoked.status).toBe(400);
  expect(String(revoked.body['error_description'])).toMatch(/^AADB2C90129:/u);
});

it('shows the lockout failed sign-ins caused, and clears it', async () => {
  for (const wrong of ['Wrong-one-a', 'Wrong-two-b', 'Wrong-three-c']) {
    expect((await b2cSignIn(emulator.url, 'alice@contoso.com', wrong)).status).toBe(400);
  }
  await page.getByRole('button', { name: 'Refresh lockouts' }).click();
  await page.locator('#lockouts-list table').waitFor();
  const [lockout, ...others] = await tableRows('lockouts-list');
  expect(others).toEqual([]);
  const [account, clientIp, failures, timesLocked, lockedUntil] = lockout ?? [];
  expect({ account, failures, timesLocked }).toEqual({
    account: 'alice@contoso.com',
    failures: '3',
    timesLocked: '1',
  });
  expect(lockedUntil).toMatch(/^\d{4}-\d\d-\d\dT/u);
  const limits = await tableRows('limits-list');
  expect(limits.map(([scope]) => scope)).toEqual(['tenant', `client ${clientIp ?? ''}`]);
  const locked = await b2cSignIn(emulator.url, 'alice@contoso.com', 'Alice-Passw0rd!');
  expect(String(locked.body['error_description'])).toMatch(/^AADB2C90114:/u);

  await page
    .getByRole('button', { name: `Clear lockout of alice@contoso.com from ${clientIp ?? ''}` })
    .click();
  await statusSays('Cleared the lockout of alice@contoso.com.');
  await page.getByText('No account has failed sign-ins or a lock.').waitFor();
  expect((await b2cSignIn(emulator.url, 'alice@contoso.com', 'Alice-Passw0rd!')).status).toBe(200);
});

it('rotates the signing key: the JWKS signs with the new kid', async () => {
  const [before] = await b2cKids(emulator.url);
  await page.getByRole('button', { name: 'Rotate signing key' }).click();
  await page.locator('#status', { hasText: /^Rotated: key / }).waitFor();
  const kid = /key (\S+) is published/u.exec(
    (await page.locator('#status').textContent()) ?? '',
  )?.[1];
  const kids = await b2cKids(emulator.url);
  expect(kids).toEqual([kid, before]);
  expect(await tableRows('keys-list')).toEqual([
    [kid, expect.stringMatching(/^\d{4}-/u), 'signing now'],
    [before, expect.stringMatching(/^\d{4}-/u), 'previous, still published'],
  ]);
});

it('moves the clock and puts it back', async () => {
  await page.getByLabel('Offset from real time, in seconds').fill('3600');
  await page.getByRole('button', { name: 'Set clock offset' }).click();
  await statusSays('Clock offset set to 3600 s.');
  expect(await page.locator('#clock-now').textContent()).toMatch(/, offset 3600 s\.$/u);
  const clock = await fetch(`${emulator.url}/.emulator/clock`, {
    headers: { Authorization: `Bearer ${emulator.adminKey}` },
  });
  expect(((await clock.json()) as { offsetSeconds: number }).offsetSeconds).toBe(3600);
  await page.getByLabel('Offset from real time, in seconds').fill('0');
  await page.getByRole('button', { name: 'Set clock offset' }).click();
  await statusSays('Clock offset set to 0 s.');
});

it('shows the External ID tenant and the code it e-mailed in the outbox', async () => {
  await page.getByRole('button', { name: `Show tenant ${EXTERNAL_ID_TENANT}` }).click();
  await statusSays(`Showing tenant ${EXTERNAL_ID_TENANT}.`);
  expect((await tableRows('users-list')).map(([name]) => name)).toEqual([
    'Alice Contoso',
    'Bob Contoso',
    'Carol Contoso',
    HOSTILE_EXTERNAL_USER,
  ]);

  await startExternalIdCodeSignIn(emulator.url, 'carol@contoso.com');
  await page.getByLabel('E-mail address', { exact: true }).fill('carol@contoso.com');
  await page.getByRole('button', { name: 'Show codes' }).click();
  await page.locator('#outbox-list table').waitFor();
  const outbox = await fetch(`${emulator.url}/.emulator/outbox?to=carol%40contoso.com`, {
    headers: { Authorization: `Bearer ${emulator.adminKey}` },
  });
  const { messages } = (await outbox.json()) as { messages: { code: string; sentAt: string }[] };
  expect(await tableRows('outbox-list')).toEqual([
    ['carol@contoso.com', messages[0]?.code, 'sign-in', messages[0]?.sentAt],
  ]);
  expect(messages[0]?.code).toMatch(/^\d{8}$/u);
  expect(await page.locator('iframe').count()).toBe(0);
  expect(await findWcagViolations(page)).toEqual([]);
});

it('forgets the key on request, and asks again after a wrong one', async () => {
  await page.getByRole('button', { name: 'Forget key' }).click();
  await page.getByText('The admin key is forgotten. Enter it again to continue.').waitFor();
  expect(await page.locator('#console').isHidden()).toBe(true);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  expect(await page.locator('#users-list').textContent()).toBe('');

  await keyField().fill('not-the-admin-key');
  await page.getByRole('button', { name: 'Open console' }).click();
  await page
    .getByText('The emulator refused the admin key (wrong, or it restarted with another one).')
    .waitFor();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  expect(await page.locator('#console').isHidden()).toBe(true);
  expect(await findWcagViolations(page)).toEqual([]);

  // Across the whole run, the key went nowhere but the Authorization header.
  expect(requestedUrls.length).toBeGreaterThan(10);
  expect(requestedUrls.filter((url) => url.includes(emulator.adminKey))).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});
