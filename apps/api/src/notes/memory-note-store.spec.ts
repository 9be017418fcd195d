import { MemoryNoteStore } from './memory-note-store';

const OWNER = '26926d34-dad3-45bb-8bff-84a5f01522d9';
const OTHER = '35b106c3-2988-4419-8766-0f839dd276bc';
const T0 = new Date('2030-01-01T00:00:00.000Z');
const T1 = new Date('2030-01-01T00:00:01.000Z');
const input = { title: 'Title', body: 'Body' };

async function created(store: MemoryNoteStore, owner = OWNER, now = T0) {
  const result = await store.create(owner, input, now);
  if (!result.ok) throw new Error('create refused');
  return result;
}

describe('MemoryNoteStore', () => {
  it('creates a note with a UUID v4, both times set to now, and the entity tag "1"', async () => {
    const { note, etag } = await created(new MemoryNoteStore());
    expect(note).toEqual({
      id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ) as unknown,
      ...input,
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
    });
    expect(etag).toBe('"1"');
    expect(Object.isFrozen(note)).toBe(true);
  });

  it('lists newest first, ties by id ascending, and only the owner’s notes', async () => {
    const store = new MemoryNoteStore();
    const early = await created(store, OWNER, T0);
    const late = [await created(store, OWNER, T1), await created(store, OWNER, T1)];
    await created(store, OTHER, T1);
    const tied = late.map((result) => result.note).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await store.list(OWNER)).toEqual([...tied, early.note]);
    expect(await store.count(OWNER)).toBe(3);
  });

  it('hides another owner’s note from get, update and delete', async () => {
    const store = new MemoryNoteStore();
    const { note } = await created(store, OTHER);
    expect(await store.get(OWNER, note.id)).toBeUndefined();
    expect(await store.update(OWNER, note.id, input, '*', T1)).toEqual({
      ok: false,
      reason: 'notFound',
    });
    expect(await store.delete(OWNER, note.id, undefined)).toEqual({
      ok: false,
      reason: 'notFound',
    });
    expect(await store.get(OTHER, note.id)).toEqual({ note, etag: '"1"' });
  });

  it('updates with a new entity tag and updatedAt, keeping id and createdAt', async () => {
    const store = new MemoryNoteStore();
    const { note } = await created(store);
    const changed = { title: 'New', body: '' };
    expect(await store.update(OWNER, note.id, changed, undefined, T1)).toEqual({
      ok: true,
      note: { ...note, ...changed, updatedAt: T1.toISOString() },
      etag: '"2"',
    });
  });

  it('writes only while the expected entity tag is current; * matches any', async () => {
    const store = new MemoryNoteStore();
    const { note } = await created(store);
    expect(await store.update(OWNER, note.id, input, '"1"', T1)).toMatchObject({ etag: '"2"' });
    const stale = { ok: false, reason: 'preconditionFailed' };
    expect(await store.update(OWNER, note.id, input, '"1"', T1)).toEqual(stale);
    expect(await store.update(OWNER, note.id, input, 'W/"2"', T1)).toEqual(stale);
    expect(await store.delete(OWNER, note.id, '"1"')).toEqual(stale);
    expect(await store.update(OWNER, note.id, input, '*', T1)).toMatchObject({ etag: '"3"' });
    expect(await store.delete(OWNER, note.id, '"3"')).toEqual({ ok: true });
    expect(await store.get(OWNER, note.id)).toBeUndefined();
    expect(await store.count(OWNER)).toBe(0);
  });

  it('refuses a create beyond the cap, per owner', async () => {
    const store = new MemoryNoteStore({ maxNotesPerOwner: 2 });
    await created(store);
    await created(store);
    expect(await store.create(OWNER, input, T1)).toEqual({ ok: false, reason: 'limitReached' });
    expect((await store.create(OTHER, input, T1)).ok).toBe(true);
    expect(await store.count(OWNER)).toBe(2);
  });

  it('throws a TypeError for a bad cap', () => {
    expect(() => new MemoryNoteStore({ maxNotesPerOwner: -1 })).toThrow(TypeError);
    expect(() => new MemoryNoteStore({ maxNotesPerOwner: 1.5 })).toThrow(TypeError);
  });
});
