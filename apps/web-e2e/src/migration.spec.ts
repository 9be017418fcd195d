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
interface NoteList {
  readonly items: readonly { readonly id: string; readonly title: string }[];
}

/** The JSON of the page's next `GET {path}` answer, once `action` has made the page call it. */
async function answerTo<T>(page: Page, path: string, action: () => Promise<void>): Promise<T> {
  const answered = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === path && response.request().method() === 'GET',
  );
  await action();
  const response = await answered;
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
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
    await page.goto(`${webUrl}/notes`);
    await signInAs(page, ALICE);
    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
    const form = page.getByRole('region', { name: 'Add a note' });
    await form.getByLabel('Title', { exact: true }).fill(NOTE_TITLE);
    await form.getByRole('button', { name: 'Add note' }).click();
    const list = page.getByRole('region', { name: 'Your notes' });
    await list.getByRole('article', { name: NOTE_TITLE }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const b2cMe = await answerTo<Me>(page, '/api/me', () =>
      nav.getByRole('link', { name: 'Profile' }).click(),
    );
    const b2cNotes = await answerTo<NoteList>(page, '/api/notes', () =>
      nav.getByRole('link', { name: 'Notes' }).click(),
    );

    const { access_token: externalIdToken } = await signInThroughNativeProxy(
      webUrl,
      EXTERNAL_ID_ALICE,
    );
    const asExternalIdAlice = { headers: { Authorization: `Bearer ${externalIdToken}` } };
    const externalIdMeAnswer = await fetch(`${webUrl}/api/me`, asExternalIdAlice);
    const externalIdNotesAnswer = await fetch(`${webUrl}/api/notes`, asExternalIdAlice);

    expect(b2cMe).toMatchObject({
      oid: ALICE.objectId,
      emails: [ALICE.email],
      policy: POLICY,
      authority: fixture.stack.b2cAuthority,
    });
    expect(b2cNotes.items.map((note) => note.title)).toEqual([NOTE_TITLE]);
    expect(externalIdMeAnswer.status).toBe(200);
    const externalIdMe = (await externalIdMeAnswer.json()) as Me;
    expect(externalIdMe).toMatchObject({
      oid: EXTERNAL_ID_ALICE.objectId,
      emails: [EXTERNAL_ID_ALICE.email],
      policy: null,
      authority: fixture.stack.externalIdAuthority,
    });
    expect(externalIdMe.authority).not.toBe(b2cMe.authority);
    expect(externalIdMe.oid).not.toBe(b2cMe.oid);
    // The documented consequence: her notes stayed with her B2C oid.
    expect(externalIdNotesAnswer.status).toBe(200);
    expect(await externalIdNotesAnswer.json()).toEqual({ items: [] });
  });
});
