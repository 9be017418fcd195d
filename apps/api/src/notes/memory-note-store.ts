import { randomUUID } from 'node:crypto';
import { newestFirst } from './newest-first';
import type { Note, NoteInput, VersionedNote } from './note';
import {
  maxNotesPerOwnerOf,
  type CreateNoteResult,
  type DeleteNoteResult,
  type NoteStore,
  type NoteStoreOptions,
  type UpdateNoteResult,
} from './note-store';
import { etagOfVersion, matchesVersion } from './note-version';

/** A stored note and its version, which starts at 1 and grows by one on every update. */
interface Entry {
  readonly note: Note;
  readonly version: number;
}

type Lookup =
  | { readonly ok: true; readonly notes: Map<string, Entry>; readonly entry: Entry }
  | { readonly ok: false; readonly reason: 'notFound' | 'preconditionFailed' };

/**
 * A {@link NoteStore} in process memory, for development and tests: notes are lost on restart
 * and not shared between instances. The entity tag is the note's version counter (see
 * `note-version.ts`). Each method runs to completion without awaiting, so a precondition check
 * and its write cannot interleave with other calls.
 */
export class MemoryNoteStore implements NoteStore {
  readonly #owners = new Map<string, Map<string, Entry>>();
  readonly #maxNotesPerOwner: number;

  constructor(options: NoteStoreOptions = {}) {
    this.#maxNotesPerOwner = maxNotesPerOwnerOf(options);
  }

  list(owner: string): Promise<readonly Note[]> {
    const notes = [...(this.#owners.get(owner)?.values() ?? [])].map((entry) => entry.note);
    return Promise.resolve(notes.sort(newestFirst));
  }

  get(owner: string, id: string): Promise<VersionedNote | undefined> {
    const entry = this.#owners.get(owner)?.get(id);
    return Promise.resolve(entry && versioned(entry));
  }

  create(owner: string, input: NoteInput, now: Date): Promise<CreateNoteResult> {
    const notes = this.#owners.get(owner) ?? new Map<string, Entry>();
    if (notes.size >= this.#maxNotesPerOwner) {
      return Promise.resolve({ ok: false, reason: 'limitReached' });
    }
    const at = now.toISOString();
    const note = { id: randomUUID(), title: input.title, body: input.body, createdAt: at };
    const entry: Entry = { note: Object.freeze({ ...note, updatedAt: at }), version: 1 };
    notes.set(note.id, entry);
    this.#owners.set(owner, notes);
    return Promise.resolve({ ok: true, ...versioned(entry) });
  }

  update(
    owner: string,
    id: string,
    input: NoteInput,
    expectedEtag: string | undefined,
    now: Date,
  ): Promise<UpdateNoteResult> {
    const found = this.#find(owner, id, expectedEtag);
    if (!found.ok) return Promise.resolve(found);
    const { note, version } = found.entry;
    const changed = { ...note, title: input.title, body: input.body, updatedAt: now.toISOString() };
    const entry: Entry = { note: Object.freeze(changed), version: version + 1 };
    found.notes.set(id, entry);
    return Promise.resolve({ ok: true, ...versioned(entry) });
  }

  delete(owner: string, id: string, expectedEtag: string | undefined): Promise<DeleteNoteResult> {
    const found = this.#find(owner, id, expectedEtag);
    if (!found.ok) return Promise.resolve(found);
    found.notes.delete(id);
    // Owners without notes are forgotten, so memory follows the notes that exist.
    if (found.notes.size === 0) this.#owners.delete(owner);
    return Promise.resolve({ ok: true });
  }

  /** Nothing to purge: a deleted note is gone at once. */
  deleteExpired(_now: number): Promise<number> {
    return Promise.resolve(0);
  }

  count(owner: string): Promise<number> {
    return Promise.resolve(this.#owners.get(owner)?.size ?? 0);
  }

  #find(owner: string, id: string, expectedEtag: string | undefined): Lookup {
    const notes = this.#owners.get(owner);
    const entry = notes?.get(id);
    if (notes === undefined || entry === undefined) return { ok: false, reason: 'notFound' };
    if (!matchesVersion(expectedEtag, entry.version)) {
      return { ok: false, reason: 'preconditionFailed' };
    }
    return { ok: true, notes, entry };
  }
}

function versioned(entry: Entry): VersionedNote {
  return { note: entry.note, etag: etagOfVersion(entry.version) };
}
