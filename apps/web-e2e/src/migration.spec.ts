import type { Page } from 'playwright-core';
import { ALICE, POLICY } from './support/e2e-tenant';
import { EXTERNAL_ID_ALICE } from './support/external-id-tenant';
import { signInThroughNativeProxy } from './support/native-password-sign-in';
import { PROXY_STACK_OPTIONS } from './support/proxy-stack-options';
import { signInAs } from './support/sign-in-as';
import { useTestStack } from './support/use-test-stack';

const NOTE_TITLE = 'Written while signed in with B2C';

interface Me {
  readonly oid: string;
  readonly authority: string;
}

/**
 * Keeps the latest access token the page sent to `/api/notes`: what the Angular client got from
 * its authority, for the test to call the API with as the client does.
 */
function watchAccessToken(page: Page): () => string {
  let token: string | undefined;
  page.on('request', (request) => {
    const authorization = request.headers()['authorization'];
    if (new URL(request.url()).pathname.startsWith('/api/notes') && authorization) {
      token = authorization.replace(/^Bearer /, '');
    }
  });
  return () => {
    if (token === undefined) throw new Error('the page sent no access token to /api/notes');
    return token;
  };
}

/** `GET {webUrl}{path}` with `token`; its status and JSON. */
async function callApi(webUrl: string, path: string, token: string): Promise<[number, unknown]> {
  const response = await fetch(`${webUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return [response.status, await response.json()];
}

/**
 * Migrating from B2C to External ID (README, "Migrating users from B2C"): one running API accepts
 * a B2C user's token and an External ID user's token at once, and the same person is two users —
 * a new `oid` — so the notes they wrote with B2C do not follow them.
 */
describe('one API during a migration from B2C to External ID', () => {
  const fixture = useTestStack(PROXY_STACK_OPTIONS);

  it('accepts alice from both authorities, as two users: another authority, another oid, none of her B2C notes', async () => {
    const { webUrl } = fixture.stack;
    const page = await fixture.newPage();
    const b2cToken = watchAccessToken(page);
    await page.goto(`${webUrl}/notes`);
    await signInAs(page, ALICE);
    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
    const form = page.getByRole('region', { name: 'Add a note' });
    await form.getByLabel('Title', { exact: true }).fill(NOTE_TITLE);
    await form.getByRole('button', { name: 'Add note' }).click();
    await page
      .getByRole('region', { name: 'Your notes' })
      .getByRole('article', { name: NOTE_TITLE })
      .waitFor();
    const { access_token: externalIdToken } = await signInThroughNativeProxy(
      webUrl,
      EXTERNAL_ID_ALICE,
    );

    const [b2cMeStatus, b2cMe] = await callApi(webUrl, '/api/me', b2cToken());
    const [b2cNotesStatus, b2cNotes] = await callApi(webUrl, '/api/notes', b2cToken());
    const [externalIdMeStatus, externalIdMe] = await callApi(webUrl, '/api/me', externalIdToken);
    const [externalIdNotesStatus, externalIdNotes] = await callApi(
      webUrl,
      '/api/notes',
      externalIdToken,
    );

    expect([b2cMeStatus, b2cNotesStatus, externalIdMeStatus, externalIdNotesStatus]).toEqual([
      200, 200, 200, 200,
    ]);
    expect(b2cMe).toMatchObject({
      oid: ALICE.objectId,
      emails: [ALICE.email],
      policy: POLICY,
      authority: fixture.stack.b2cAuthority,
    });
    expect(b2cNotes).toEqual({ items: [expect.objectContaining({ title: NOTE_TITLE })] });
    expect(externalIdMe).toMatchObject({
      oid: EXTERNAL_ID_ALICE.objectId,
      emails: [EXTERNAL_ID_ALICE.email],
      policy: null,
      authority: fixture.stack.externalIdAuthority,
    });
    expect((externalIdMe as Me).authority).not.toBe((b2cMe as Me).authority);
    expect((externalIdMe as Me).oid).not.toBe((b2cMe as Me).oid);
    // The documented consequence: her notes stayed with her B2C oid.
    expect(externalIdNotes).toEqual({ items: [] });
  });
});
