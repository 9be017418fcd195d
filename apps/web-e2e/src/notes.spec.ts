import type { Page } from 'playwright-core';
import { ALICE, BOB, type DemoUser } from './support/e2e-tenant';
import { PROXY_STACK_OPTIONS } from './support/proxy-stack-options';
import { recordApiCalls } from './support/record-api-calls';
import { signInAs } from './support/sign-in-as';
import { useTestStack } from './support/use-test-stack';

const EMPTY_LIST = 'No notes yet. Add your first one above.';

/** `/api/notes/<uuid>` as `/api/notes/{id}`, so call lists compare across runs. */
const withoutIds = (calls: readonly string[]): string[] =>
  calls.map((call) => call.replace(/\/api\/notes\/[0-9a-f-]{36}/, '/api/notes/{id}'));

describe('notes page', () => {
  const fixture = useTestStack(PROXY_STACK_OPTIONS);

  async function openNotesAs(user: DemoUser): Promise<Page> {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}/notes`);
    await signInAs(page, user);
    await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
    const list = page.getByRole('region', { name: 'Your notes' });
    await list.getByRole('article').or(list.getByText(EMPTY_LIST)).first().waitFor();
    return page;
  }

  async function addNote(page: Page, title: string, body: string): Promise<void> {
    const form = page.getByRole('region', { name: 'Add a note' });
    await form.getByLabel('Title', { exact: true }).fill(title);
    await form.getByLabel('Note', { exact: true }).fill(body);
    await form.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('status').getByText(`Added “${title}”.`, { exact: true }).waitFor();
  }

  it('lets alice add, edit and delete a note, and keeps the edit across a reload', async () => {
    const page = await openNotesAs(ALICE);
    const list = page.getByRole('region', { name: 'Your notes' });
    await list.getByText(EMPTY_LIST, { exact: true }).waitFor();
    const calls = recordApiCalls(page);

    await addNote(page, 'Groceries', 'Milk, eggs');
    const added = list.getByRole('article', { name: 'Groceries' });
    await added.getByText('Milk, eggs', { exact: true }).waitFor();
    const form = page.getByRole('region', { name: 'Add a note' });
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe('');

    await added.getByRole('button', { name: 'Edit “Groceries”' }).click();
    const title = list.getByLabel('Title', { exact: true });
    expect(await title.inputValue()).toBe('Groceries');
    await title.fill('Groceries for Sunday');
    await list.getByLabel('Note', { exact: true }).fill('Milk, eggs, bread');
    await list.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('status')
      .getByText('Saved “Groceries for Sunday”.', { exact: true })
      .waitFor();
    const edited = list.getByRole('article', { name: 'Groceries for Sunday' });
    await edited.getByText('Milk, eggs, bread', { exact: true }).waitFor();
    expect(await list.getByRole('article').count()).toBe(1);

    await page.reload();
    await edited.getByText('Milk, eggs, bread', { exact: true }).waitFor();

    await edited.getByRole('button', { name: 'Delete “Groceries for Sunday”' }).click();
    const question = list.getByRole('group', { name: 'Delete this note? This cannot be undone.' });
    await question.getByRole('button', { name: 'Delete “Groceries for Sunday”' }).click();
    await page
      .getByRole('status')
      .getByText('Deleted “Groceries for Sunday”.', { exact: true })
      .waitFor();
    await list.getByText(EMPTY_LIST, { exact: true }).waitFor();
    expect(await list.getByRole('article').count()).toBe(0);

    expect(withoutIds(calls)).toEqual([
      'POST /api/notes 201',
      'GET /api/notes/{id} 200',
      'PUT /api/notes/{id} 200',
      'POST /api/auth/refresh 200',
      'GET /api/notes 200',
      'DELETE /api/notes/{id} 204',
    ]);
  });

  it('shows bob none of the notes alice wrote', async () => {
    const alice = await openNotesAs(ALICE);
    await addNote(alice, 'Alice’s surprise party', 'Do not tell Bob.');

    const bob = await openNotesAs(BOB);

    const bobsList = bob.getByRole('region', { name: 'Your notes' });
    await bobsList.getByText(EMPTY_LIST, { exact: true }).waitFor();
    expect(await bobsList.getByRole('article').count()).toBe(0);
    await bob
      .getByRole('banner')
      .getByText(`Signed in as ${BOB.displayName}`, { exact: true })
      .waitFor();
    await alice.reload();
    const alicesList = alice.getByRole('region', { name: 'Your notes' });
    await alicesList.getByRole('article', { name: 'Alice’s surprise party' }).waitFor();
  });
});
