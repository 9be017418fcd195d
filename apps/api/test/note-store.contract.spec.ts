import { TableStorage } from '@ropc/table-storage';
import { startAzurite, type RunningAzurite } from '@ropc/table-storage/testing';
import { randomUUID } from 'node:crypto';
import { MemoryNoteStore } from '../src/notes/memory-note-store';
import type { NoteStore, NoteStoreOptions } from '../src/notes/note-store';
import { TableNoteStore } from '../src/notes/table-note-store';

let azurite: RunningAzurite | undefined;
let storage: TableStorage;

// Starting Azurite takes a few seconds on a busy machine.
beforeAll(async () => {
  azurite = await startAzurite();
  storage = new TableStorage(azurite.connectionString);
}, 30_000);

afterAll(async () => {
  await azurite?.stop();
});

const T0 = new Date('2030-01-01T00:00:00.000Z');
const T1 = new Date('2030-01-01T00:00:01.000Z');
const input = { title: 'Title', body: 'Body' };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const notFound = { ok: false, reason: 'notFound' };
const preconditionFailed = { ok: false, reason: 'preconditionFailed' };

describe.each([
  ['memory', (options?: NoteStoreOptions): NoteStore => new MemoryNoteStore(options)],
  [
    'table',
    (options?: NoteStoreOptions): NoteStore =>
      new TableNoteStore(storage.table('apinotes'), options),
  ],
])('NoteStore contract: %s', (_name, createStore) => {
  // Fresh owners in every test, so that the shared table needs no clearing.
  let owner: string;
  let other: string;

  beforeEach(() => {
    owner = randomUUID();
    other = randomUUID();
  });

  async function created(store: NoteStore, by = owner, now = T0) {
    const result = await store.create(by, input, now);
    if (!result.ok) throw new Error('create refused');
    return result;
  }

  it('creates a note with a UUID v4, both times set to now, and the entity tag "1"', async () => {
    const store = createStore();
    const { note, etag } = await created(store);
    expect(note).toEqual({
      id: expect.stringMatching(UUID_V4) as unknown,
      ...input,
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
    });
    expect(etag).toBe('"1"');
    expect(Object.isFrozen(note)).toBe(true);
    expect(await store.get(owner, note.id)).toEqual({ note, etag: '"1"' });
  });

  it('lists newest first, ties by id ascending, and only the owner’s notes', async () => {
    const store = createStore();
    const early = await created(store, owner, T0);
    const late = [await created(store, owner, T1), await created(store, owner, T1)];
    await created(store, other, T1);
    const tied = late.map((result) => result.note).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await store.list(owner)).toEqual([...tied, early.note]);
    expect(await store.count(owner)).toBe(3);
    expect(await store.list(randomUUID())).toEqual([]);
    expect(await store.count(randomUUID())).toBe(0);
  });

  it('hides another owner’s note from get, update and delete', async () => {
    const store = createStore();
    const { note } = await created(store, other);
    expect(await store.get(owner, note.id)).toBeUndefined();
    expect(await store.update(owner, note.id, input, '*', T1)).toEqual(notFound);
    expect(await store.delete(owner, note.id, undefined)).toEqual(notFound);
    expect(await store.get(other, note.id)).toEqual({ note, etag: '"1"' });
  });

  it('finds no note under an unknown, upper-case or malformed id', async () => {
    const store = createStore();
    const { note } = await created(store);
    for (const id of [randomUUID(), note.id.toUpperCase(), '~owner', 'not-a-uuid']) {
      expect(await store.get(owner, id)).toBeUndefined();
      expect(await store.update(owner, id, input, undefined, T1)).toEqual(notFound);
      expect(await store.delete(owner, id, '*')).toEqual(notFound);
    }
    expect(await store.count(owner)).toBe(1);
  });

  it('updates with a new entity tag and updatedAt, keeping id and createdAt', async () => {
    const store = createStore();
    const { note } = await created(store);
    const changed = { title: 'New', body: '' };
    const expected = { note: { ...note, ...changed, updatedAt: T1.toISOString() }, etag: '"2"' };
    expect(await store.update(owner, note.id, changed, undefined, T1)).toEqual({
      ok: true,
      ...expected,
    });
    expect(await store.get(owner, note.id)).toEqual(expected);
  });

  it('writes only while the expected entity tag is current; * matches any', async () => {
    const store = createStore();
    const { note } = await created(store);
    expect(await store.update(owner, note.id, input, '"1"', T1)).toMatchObject({ etag: '"2"' });
    expect(await store.update(owner, note.id, input, '"1"', T1)).toEqual(preconditionFailed);
    expect(await store.update(owner, note.id, input, 'W/"2"', T1)).toEqual(preconditionFailed);
    expect(await store.delete(owner, note.id, '"1"')).toEqual(preconditionFailed);
    expect(await store.update(owner, note.id, input, '*', T1)).toMatchObject({ etag: '"3"' });
    expect(await store.delete(owner, note.id, '"3"')).toEqual({ ok: true });
    expect(await store.get(owner, note.id)).toBeUndefined();
    expect(await store.count(owner)).toBe(0);
    expect(await store.list(owner)).toEqual([]);
  });

  it('refuses a create beyond the cap, per owner, and makes room on delete', async () => {
    const store = createStore({ maxNotesPerOwner: 2 });
    const first = await created(store);
    await created(store);
    expect(await store.create(owner, input, T1)).toEqual({ ok: false, reason: 'limitReached' });
    expect((await store.create(other, input, T1)).ok).toBe(true);
    expect(await store.count(owner)).toBe(2);
    await store.delete(owner, first.note.id, undefined);
    expect((await store.create(owner, input, T1)).ok).toBe(true);
  });

  it('keeps the largest note exactly: 200 + 10,000 astral characters and a lone surrogate', async () => {
    const store = createStore();
    const largest = { title: '𝄞'.repeat(200), body: `${'😀'.repeat(9_999)}\ud800` };
    const result = await store.create(owner, largest, T0);
    expect(result).toMatchObject({ ok: true, note: largest });
    if (!result.ok) return;
    expect(await store.get(owner, result.note.id)).toEqual({ note: result.note, etag: '"1"' });
  });

  it('throws a TypeError for a bad cap', () => {
    expect(() => createStore({ maxNotesPerOwner: -1 })).toThrow(TypeError);
    expect(() => createStore({ maxNotesPerOwner: 1.5 })).toThrow(TypeError);
  });

  describe('under concurrency', () => {
    it('lets exactly one of 20 updates with the same If-Match through', async () => {
      const store = createStore();
      const { note } = await created(store);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          store.update(owner, note.id, { title: `t${index}`, body: '' }, '"1"', T1),
        ),
      );
      const winners = results.filter((result) => result.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual(Array(19).fill(preconditionFailed));
      const [winner] = winners;
      expect(await store.get(owner, note.id)).toEqual({ note: winner?.note, etag: '"2"' });
    });

    it('lets exactly one of 10 creates through at one below the cap', async () => {
      const store = createStore({ maxNotesPerOwner: 4 });
      for (let index = 0; index < 3; index++) await created(store);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.create(owner, input, T1)),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual(
        Array(9).fill({ ok: false, reason: 'limitReached' }),
      );
      expect(await store.count(owner)).toBe(4);
      expect(await store.list(owner)).toHaveLength(4);
    });

    it('lets exactly one of a delete and 5 updates with the same If-Match through', async () => {
      const store = createStore();
      const { note } = await created(store);
      const [deleted, ...updated] = await Promise.all([
        store.delete(owner, note.id, '"1"'),
        ...Array.from({ length: 5 }, () => store.update(owner, note.id, input, '"1"', T1)),
      ]);
      const outcomes = [deleted, ...updated];
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
      if (deleted.ok) {
        // The delete won: the updates that lost found no note.
        expect(updated).toEqual(Array(5).fill(notFound));
        expect(await store.get(owner, note.id)).toBeUndefined();
        expect(await store.count(owner)).toBe(0);
      } else {
        // An update won: the delete and the other updates saw a newer version.
        expect(deleted).toEqual(preconditionFailed);
        expect(updated.filter((outcome) => !outcome.ok)).toEqual(Array(4).fill(preconditionFailed));
        expect((await store.get(owner, note.id))?.etag).toBe('"2"');
        expect(await store.count(owner)).toBe(1);
      }
    });

    it('updates different notes of one owner at once without turning any away', async () => {
      const store = createStore();
      const all = [];
      for (let index = 0; index < 16; index++) all.push(await created(store));
      const results = await Promise.all(
        all.map(({ note }, index) =>
          store.update(owner, note.id, { title: `u${index}`, body: '' }, '"1"', T1),
        ),
      );
      expect(results.map((result) => result.ok && result.etag)).toEqual(Array(16).fill('"2"'));
    });

    it('leaves nothing for the sweep after a delete', async () => {
      const store = createStore();
      const { note } = await created(store);
      expect(await store.delete(owner, note.id, '"1"')).toEqual({ ok: true });
      expect(await store.deleteExpired(Date.now() + 60_000)).toBe(0);
      expect(await store.list(owner)).toEqual([]);
    });

    it('keeps the count equal to the notes while creates and deletes race', async () => {
      const store = createStore({ maxNotesPerOwner: 5 });
      const existing = [await created(store), await created(store), await created(store)];
      const [creates, deletes] = await Promise.all([
        Promise.all(Array.from({ length: 4 }, () => store.create(owner, input, T1))),
        Promise.all(existing.map(({ note }) => store.delete(owner, note.id, '"1"'))),
      ]);
      expect(deletes).toEqual(Array(3).fill({ ok: true }));
      const createdCount = creates.filter((result) => result.ok).length;
      expect(createdCount).toBeGreaterThanOrEqual(2);
      expect(await store.list(owner)).toHaveLength(createdCount);
      expect(await store.count(owner)).toBe(createdCount);
    });
  });
});
