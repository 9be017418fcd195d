import type { TransactionAction } from '@azure/data-tables';
import {
  CONFLICT,
  done,
  odata,
  retryOnConflict,
  safeKey,
  type StorageTable,
  type StoredRow,
} from '@ropc/table-storage';
import { randomUUID } from 'node:crypto';
import { newestFirst } from './newest-first';
import type { Note, NoteInput, VersionedNote } from './note';
import { noteIdOf } from './note-id';
import {
  maxNotesPerOwnerOf,
  type CreateNoteResult,
  type DeleteNoteResult,
  type NoteStore,
  type NoteStoreOptions,
  type UpdateNoteResult,
} from './note-store';
import { etagOfVersion, matchesVersion } from './note-version';

/** The owner row's RowKey: `~` sorts after every character of a UUID, and no note id has it. */
const OWNER_ROW_KEY = '~owner';

/** A note's row; its RowKey is the note id. */
interface NoteRow {
  readonly title: string;
  /**
   * As sent, in one property: Table storage caps a string property at 64 KiB of UTF-16, and the
   * contract's 10,000 code points are at most 20,000 UTF-16 units (40,000 bytes).
   */
  readonly body: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The version counter behind the note's entity tag (see `note-version.ts`). */
  readonly version: number;
}

/** The owner row: how many notes the owner has. */
interface OwnerRow {
  readonly count: number;
}

type NoteWriteFailure = {
  readonly ok: false;
  readonly reason: 'notFound' | 'preconditionFailed';
};

/** What an update or delete writes once its precondition held. */
interface NoteChange<T> {
  readonly action: TransactionAction;
  /** How the owner's note count changes: 0 or -1. */
  readonly countChange: number;
  readonly result: T;
}

/**
 * A {@link NoteStore} on Azure Table storage, shared by every instance. A partition per owner
 * holds a row per note and the owner row (`~owner`, the note count). Every write is one
 * transaction that also updates the owner row on condition of its entity tag, so writers to one
 * owner serialise: the cap is exact, and a precondition checked on a read still holds when the
 * write lands (a concurrent write changes the owner row, fails the transaction, and the attempt
 * is read and decided again). Clients see the note's version as its entity tag, as with the
 * memory store; the table's own entity tags stay inside.
 */
export class TableNoteStore implements NoteStore {
  readonly #table: StorageTable;
  readonly #maxNotesPerOwner: number;

  constructor(table: StorageTable, options: NoteStoreOptions = {}) {
    this.#table = table;
    this.#maxNotesPerOwner = maxNotesPerOwnerOf(options);
  }

  async list(owner: string): Promise<readonly Note[]> {
    const rows = await this.#table.list<NoteRow>(
      odata`PartitionKey eq ${partitionOf(owner)} and RowKey ne ${OWNER_ROW_KEY}`,
    );
    return rows.map(noteOf).sort(newestFirst);
  }

  async get(owner: string, id: string): Promise<VersionedNote | undefined> {
    if (!isStoredNoteId(id)) return undefined;
    const row = await this.#table.get<NoteRow>(partitionOf(owner), id);
    return row && { note: noteOf(row), etag: etagOfVersion(row.version) };
  }

  create(owner: string, input: NoteInput, now: Date): Promise<CreateNoteResult> {
    const partitionKey = partitionOf(owner);
    return retryOnConflict<CreateNoteResult>('create a note', async () => {
      const ownerRow = await this.#table.get<OwnerRow>(partitionKey, OWNER_ROW_KEY);
      const count = ownerRow?.count ?? 0;
      if (count >= this.#maxNotesPerOwner) return done({ ok: false, reason: 'limitReached' });
      const at = now.toISOString();
      const { title, body } = input;
      const note = Object.freeze({ id: randomUUID(), title, body, createdAt: at, updatedAt: at });
      const written = await this.#table.transaction([
        ['create', rowOf(partitionKey, note, 1)],
        ownerRowWrite(partitionKey, ownerRow, count + 1),
      ]);
      return written.ok ? done({ ok: true, note, etag: etagOfVersion(1) }) : CONFLICT;
    });
  }

  update(
    owner: string,
    id: string,
    input: NoteInput,
    expectedEtag: string | undefined,
    now: Date,
  ): Promise<UpdateNoteResult> {
    return this.#change('update a note', owner, id, expectedEtag, (partitionKey, row) => {
      const { title, body } = input;
      const note = Object.freeze({ ...noteOf(row), title, body, updatedAt: now.toISOString() });
      const version = row.version + 1;
      return {
        action: ['update', rowOf(partitionKey, note, version), 'Replace'],
        countChange: 0,
        result: { ok: true, note, etag: etagOfVersion(version) },
      };
    });
  }

  delete(owner: string, id: string, expectedEtag: string | undefined): Promise<DeleteNoteResult> {
    return this.#change('delete a note', owner, id, expectedEtag, (partitionKey) => ({
      action: ['delete', { partitionKey, rowKey: id }],
      countChange: -1,
      result: { ok: true },
    }));
  }

  async count(owner: string): Promise<number> {
    return (await this.#table.get<OwnerRow>(partitionOf(owner), OWNER_ROW_KEY))?.count ?? 0;
  }

  /**
   * Reads the owner row, then the note, checks the precondition, and writes `change` together
   * with the owner row, on condition of the owner row's entity tag. The order of the reads
   * matters: every write changes the owner row, so while it is unchanged, the note read after
   * it is still current.
   */
  #change<T>(
    operation: string,
    owner: string,
    id: string,
    expectedEtag: string | undefined,
    change: (partitionKey: string, row: StoredRow<NoteRow>) => NoteChange<T>,
  ): Promise<T | NoteWriteFailure> {
    const partitionKey = partitionOf(owner);
    return retryOnConflict<T | NoteWriteFailure>(operation, async () => {
      const ownerRow = await this.#table.get<OwnerRow>(partitionKey, OWNER_ROW_KEY);
      const row =
        ownerRow && isStoredNoteId(id)
          ? await this.#table.get<NoteRow>(partitionKey, id)
          : undefined;
      if (ownerRow === undefined || row === undefined) {
        return done({ ok: false, reason: 'notFound' });
      }
      if (!matchesVersion(expectedEtag, row.version)) {
        return done({ ok: false, reason: 'preconditionFailed' });
      }
      const { action, countChange, result } = change(partitionKey, row);
      const written = await this.#table.transaction([
        action,
        ownerRowWrite(partitionKey, ownerRow, ownerRow.count + countChange),
      ]);
      return written.ok ? done(result) : CONFLICT;
    });
  }
}

/** The owner's partition: its object id, a GUID already checked by `noteOwnerOf`. */
function partitionOf(owner: string): string {
  return safeKey(owner);
}

/**
 * Note ids are stored as `randomUUID()` writes them, lower-case UUIDs; any other id names no
 * note (and so never reaches the owner row).
 */
function isStoredNoteId(id: string): boolean {
  return noteIdOf(id) === id;
}

function rowOf(partitionKey: string, note: Note, version: number) {
  const { id, title, body, createdAt, updatedAt } = note;
  return { partitionKey, rowKey: id, title, body, createdAt, updatedAt, version };
}

function noteOf(row: StoredRow<NoteRow>): Note {
  const { rowKey: id, title, body, createdAt, updatedAt } = row;
  return Object.freeze({ id, title, body, createdAt, updatedAt });
}

/**
 * The owner row's part of a write: an insert (which fails when a concurrent writer inserted it
 * first) or a replace on condition of the entity tag read. It stays, with count 0, after the
 * last delete: a transaction cannot delete a row on condition of its entity tag.
 */
function ownerRowWrite(
  partitionKey: string,
  current: StoredRow<OwnerRow> | undefined,
  count: number,
): TransactionAction {
  const row = { partitionKey, rowKey: OWNER_ROW_KEY, count };
  return current === undefined
    ? ['create', row]
    : ['update', row, 'Replace', { etag: current.etag }];
}
