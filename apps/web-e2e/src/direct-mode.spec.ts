import type { Request } from 'playwright-core';
import { ALICE } from './support/e2e-tenant';
import { recordApiCalls } from './support/record-api-calls';
import { signInAs } from './support/sign-in-as';
import { useTestStack } from './support/use-test-stack';
import { createWebRuntimeConfig } from './support/web-runtime-config';

/**
 * Direct mode: the browser calls the emulator's token endpoint itself, which answers cross-origin
 * requests only with `--cors permissive`. A second stack, whose `config.json` says so.
 */
describe('direct mode against the emulator with permissive CORS', () => {
  const fixture = useTestStack({
    cors: 'permissive',
    runtimeConfig: (emulatorTokenEndpoint) =>
      createWebRuntimeConfig('direct', emulatorTokenEndpoint),
  });

  it('signs alice in at the emulator’s token endpoint and lists her notes from the API', async () => {
    const page = await fixture.newPage();
    const tokenGrants: string[] = [];
    const grantOf = (request: Request): string =>
      new URLSearchParams(request.postData() ?? '').get('grant_type') ?? 'none';
    page.on('requestfinished', (request) => {
      if (request.url() === fixture.stack.tokenEndpoint) tokenGrants.push(grantOf(request));
    });
    const calls = recordApiCalls(page);
    await page.goto(`${fixture.stack.webUrl}/notes`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

    await signInAs(page, ALICE);

    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
    const list = page.getByRole('region', { name: 'Your notes' });
    await list.getByText('No notes yet. Add your first one above.', { exact: true }).waitFor();
    const form = page.getByRole('region', { name: 'Add a note' });
    await form.getByLabel('Title', { exact: true }).fill('Signed in directly');
    await form.getByRole('button', { name: 'Add note' }).click();
    await list.getByRole('article', { name: 'Signed in directly' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    await nav.getByRole('link', { name: 'Notes' }).click();
    await list.getByRole('article', { name: 'Signed in directly' }).waitFor();

    expect(tokenGrants[0]).toBe('password');
    expect(calls.filter((call) => call.includes('/api/auth/'))).toEqual([]);
    expect(calls.filter((call) => call.includes('/api/notes'))).toEqual([
      'GET /api/notes 200',
      'POST /api/notes 201',
      'GET /api/notes 200',
    ]);
  });
});
