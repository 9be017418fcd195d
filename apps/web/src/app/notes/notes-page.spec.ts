import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { settle, typeInto } from '../../testing/interact';
import {
  getByLabelText,
  getByRole,
  queryAllByRole,
  queryByRole,
  textOf,
} from '../../testing/queries';
import type { Note } from './note';
import { CHANGED_ELSEWHERE_MESSAGE, NotesPage } from './notes-page';

const older: Note = {
  id: '0b6f0c5e-4f8e-4d3c-9a57-0d6c2b1f4a10',
  title: 'Groceries',
  body: 'Milk\nBread',
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
};
const newer: Note = {
  id: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  title: 'Call Bob',
  body: '',
  createdAt: '2026-01-02T08:00:00.000Z',
  updatedAt: '2026-01-02T08:00:00.000Z',
};

const problemHeaders = { 'Content-Type': 'application/problem+json' };

describe('NotesPage', () => {
  let fixture: ComponentFixture<NotesPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotesPage);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
  });

  async function respondToList(items: readonly Note[]): Promise<void> {
    http.expectOne({ method: 'GET', url: '/api/notes' }).flush({ items });
    await settle(fixture);
  }

  const list = () => getByRole(fixture, 'list');
  const noteTitles = () => queryAllByRole(list(), 'heading').map((heading) => textOf(heading));
  const addForm = () => getByRole(fixture, 'region', { name: 'Add a note' });

  async function addNote(title: string, body = ''): Promise<void> {
    typeInto(getByLabelText(addForm(), 'Title'), title);
    typeInto(getByLabelText(addForm(), 'Note'), body);
    getByRole(addForm(), 'button', { name: 'Add note' }).click();
    await settle(fixture);
  }

  it('says it is loading until the list arrives', async () => {
    expect(textOf(getByRole(fixture, 'status', { name: /Loading your notes/ }))).toBe(
      'Loading your notes…',
    );
    await respondToList([]);
    expect(queryByRole(fixture, 'status', { name: /Loading/ })).toBeNull();
  });

  it('shows the empty state when there are no notes', async () => {
    await respondToList([]);
    expect(fixture.nativeElement.textContent).toContain('No notes yet. Add your first one above.');
    expect(queryByRole(fixture, 'list')).toBeNull();
  });

  it('lists the notes newest first', async () => {
    await respondToList([older, newer]);
    expect(noteTitles()).toEqual(['Call Bob', 'Groceries']);
  });

  it('explains a failed load and retries on request', async () => {
    http.expectOne('/api/notes').flush(null, { status: 503, statusText: 'Service Unavailable' });
    await settle(fixture);
    const alert = getByRole(fixture, 'alert', { name: /could not be loaded/ });
    expect(textOf(alert)).toContain('The server had a problem. Try again in a moment.');

    getByRole(alert, 'button', { name: 'Try again' }).click();
    await respondToList([older]);
    expect(noteTitles()).toEqual(['Groceries']);
  });

  describe('adding', () => {
    beforeEach(() => respondToList([older]));

    it('posts the note, puts it first, clears the form and says so', async () => {
      await addNote('  Call Bob  ', 'About lunch');
      const request = http.expectOne({ method: 'POST', url: '/api/notes' });
      expect(request.request.body).toEqual({ title: 'Call Bob', body: 'About lunch' });
      request.flush(newer, { status: 201, statusText: 'Created', headers: { ETag: '"1"' } });
      await settle(fixture);

      expect(noteTitles()).toEqual(['Call Bob', 'Groceries']);
      expect(getByLabelText(addForm(), 'Title').value).toBe('');
      expect(textOf(getByRole(fixture, 'status', { name: /Added/ }))).toBe('Added “Call Bob”.');
    });

    it('checks the fields as the API does before sending', async () => {
      await addNote('   ');
      const title = getByLabelText(addForm(), 'Title');
      expect(title.getAttribute('aria-invalid')).toBe('true');
      expect(textOf(document.getElementById('new-note-title-error')!)).toBe('Enter a title.');
      expect(title.getAttribute('aria-describedby')).toContain('new-note-title-error');
      expect(document.activeElement).toBe(title);

      await addNote('x'.repeat(201));
      expect(textOf(document.getElementById('new-note-title-error')!)).toBe(
        'Use at most 200 characters for the title.',
      );
      await addNote('ok', 'y'.repeat(10_001));
      expect(textOf(document.getElementById('new-note-body-error')!)).toBe(
        'Use at most 10,000 characters for the note.',
      );
      // No request was made: http.verify() in afterEach fails on any.
    });

    it('counts an emoji as one character, as the API does', async () => {
      await addNote('🙂'.repeat(200));
      http.expectOne({ method: 'POST', url: '/api/notes' });
    });

    it('shows the field errors of a 400 problem next to their fields', async () => {
      await addNote('Call Bob');
      http.expectOne({ method: 'POST', url: '/api/notes' }).flush(
        {
          type: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1',
          title: 'Bad Request',
          status: 400,
          detail: 'The note is invalid',
          errors: { title: ['The title must not be empty'], color: ['Unknown property'] },
        },
        { status: 400, statusText: 'Bad Request', headers: problemHeaders },
      );
      await settle(fixture);

      const title = getByLabelText(addForm(), 'Title');
      expect(title.getAttribute('aria-invalid')).toBe('true');
      expect(textOf(document.getElementById('new-note-title-error')!)).toBe(
        'The title must not be empty',
      );
      expect(textOf(getByRole(addForm(), 'alert'))).toBe('Unknown property');
      expect(noteTitles()).toEqual(['Groceries']);
    });
  });

  describe('editing', () => {
    beforeEach(() => respondToList([older, newer]));

    async function openEditor(note: Note, etag = '"4"'): Promise<void> {
      getByRole(fixture, 'button', { name: `Edit “${note.title}”` }).click();
      await settle(fixture);
      http
        .expectOne({ method: 'GET', url: `/api/notes/${note.id}` })
        .flush(note, { headers: { ETag: etag } });
      await settle(fixture);
    }

    it('reads the note fresh, then saves with If-Match', async () => {
      await openEditor(older);
      const title = document.getElementById(`edit-note-${older.id}-title`) as HTMLInputElement;
      expect(title.value).toBe('Groceries');
      expect(document.activeElement).toBe(title);

      typeInto(title, 'Groceries for Sunday');
      getByRole(fixture, 'button', { name: 'Save changes' }).click();
      await settle(fixture);
      const request = http.expectOne({ method: 'PUT', url: `/api/notes/${older.id}` });
      expect(request.request.headers.get('If-Match')).toBe('"4"');
      expect(request.request.body).toEqual({ title: 'Groceries for Sunday', body: 'Milk\nBread' });
      request.flush({ ...older, title: 'Groceries for Sunday' }, { headers: { ETag: '"5"' } });
      await settle(fixture);

      expect(noteTitles()).toEqual(['Call Bob', 'Groceries for Sunday']);
      expect(queryByRole(fixture, 'button', { name: 'Save changes' })).toBeNull();
    });

    it('on 412 says the note changed elsewhere and reloads the list', async () => {
      await openEditor(older);
      getByRole(fixture, 'button', { name: 'Save changes' }).click();
      await settle(fixture);
      http
        .expectOne({ method: 'PUT', url: `/api/notes/${older.id}` })
        .flush(
          { title: 'Precondition Failed', status: 412, detail: 'The note has changed' },
          { status: 412, statusText: 'Precondition Failed', headers: problemHeaders },
        );
      await settle(fixture);
      await respondToList([{ ...older, title: 'Groceries (theirs)' }, newer]);

      expect(textOf(getByRole(fixture, 'alert', { name: /changed elsewhere/ }))).toBe(
        CHANGED_ELSEWHERE_MESSAGE,
      );
      expect(noteTitles()).toEqual(['Call Bob', 'Groceries (theirs)']);
      expect(queryByRole(fixture, 'button', { name: 'Save changes' })).toBeNull();
    });

    it('keeps the form open with the API field errors of a 400', async () => {
      await openEditor(older);
      getByRole(fixture, 'button', { name: 'Save changes' }).click();
      await settle(fixture);
      http
        .expectOne({ method: 'PUT', url: `/api/notes/${older.id}` })
        .flush(
          { title: 'Bad Request', status: 400, detail: 'x', errors: { body: ['Too long'] } },
          { status: 400, statusText: 'Bad Request', headers: problemHeaders },
        );
      await settle(fixture);
      expect(textOf(document.getElementById(`edit-note-${older.id}-body-error`)!)).toBe('Too long');
    });

    it('closes without a request on Cancel', async () => {
      await openEditor(older);
      getByRole(fixture, 'button', { name: 'Cancel' }).click();
      await settle(fixture);
      expect(queryByRole(fixture, 'button', { name: 'Save changes' })).toBeNull();
    });
  });

  describe('deleting', () => {
    beforeEach(() => respondToList([older, newer]));

    it('asks first and deletes only when confirmed', async () => {
      getByRole(fixture, 'button', { name: 'Delete “Groceries”' }).click();
      await settle(fixture);
      const question = getByRole(fixture, 'group', { name: /Delete this note/ });
      expect(document.activeElement).toBe(getByRole(question, 'button', { name: 'Keep it' }));

      getByRole(question, 'button', { name: 'Delete “Groceries”' }).click();
      await settle(fixture);
      http
        .expectOne({ method: 'DELETE', url: `/api/notes/${older.id}` })
        .flush(null, { status: 204, statusText: 'No Content' });
      await settle(fixture);

      expect(noteTitles()).toEqual(['Call Bob']);
      expect(textOf(getByRole(fixture, 'status', { name: /Deleted/ }))).toBe(
        'Deleted “Groceries”.',
      );
    });

    it('keeps the note when the question is declined', async () => {
      getByRole(fixture, 'button', { name: 'Delete “Groceries”' }).click();
      await settle(fixture);
      getByRole(fixture, 'button', { name: 'Keep it' }).click();
      await settle(fixture);
      expect(queryByRole(fixture, 'group', { name: /Delete this note/ })).toBeNull();
      expect(noteTitles()).toEqual(['Call Bob', 'Groceries']);
    });
  });
});
