import type { TransactionAction } from '@azure/data-tables';
import {
  CONFLICT,
  deleteExpiredRows,
  done,
  epochMs,
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
  /** A deleted note, kept only until it is purged (see `delete`); reads treat it as missing. */
  readonly deleted?: boolean;
}

/** The owner row: how many notes the owner has. */
interface OwnerRow {
  readonly count: number;
}

/**
 * A {@link NoteStore} on Azure Table storage, shared by every instance. A partition per owner
 * holds a row per note and the owner row (`~owner`, the note count). Every write is conditional
 * on the entity tags it read, retried when a concurrent writer won:
 * - an update replaces the note on condition of the note's tag, so updates of different notes
 *   never wait for each other;
 * - a create and a delete change the count too, in one transaction with the owner row on
 *   condition of its tag, so the cap is exact. A delete turns the note into a tombstone on
 *   condition of the note's tag in that transaction (a transaction cannot delete on condition of
 *   a tag), then purges the tombstone; one left behind by a failure is invisible to reads and
 *   is swept by the cleanup timer (`deleteExpired`).
 * Clients see the note's version as its entity tag, as with the memory store; the table's own
 * entity tags stay inside.
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
    return rows
      .filter((row) => row.deleted !== true)
      .map(noteOf)
      .sort(newestFirst);
  }

  async get(owner: string, id: string): Promise<VersionedNote | undefined> {
    const row = await this.#read(partitionOf(owner), id);
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
    const partitionKey = partitionOf(owner);
    return retryOnConflict<UpdateNoteResult>('update a note', async () => {
      const row = await this.#read(partitionKey, id);
      if (row === undefined) return done({ ok: false, reason: 'notFound' });
      if (!matchesVersion(expectedEtag, row.version)) {
        return done({ ok: false, reason: 'preconditionFailed' });
      }
      const { title, body } = input;
      const note = Object.freeze({ ...noteOf(row), title, body, updatedAt: now.toISOString() });
      const version = row.version + 1;
      const written = await this.#table.replace(rowOf(partitionKey, note, version), row.etag);
      return written.ok ? done({ ok: true, note, etag: etagOfVersion(version) }) : CONFLICT;
    });
  }

  async delete(
    owner: string,
    id: string,
    expectedEtag: string | undefined,
  ): Promise<DeleteNoteResult> {
    const partitionKey = partitionOf(owner);
    const result = await retryOnConflict<DeleteNoteResult>('delete a note', async () => {
      const [ownerRow, row] = await Promise.all([
        this.#table.get<OwnerRow>(partitionKey, OWNER_ROW_KEY),
        this.#read(partitionKey, id),
      ]);
      if (ownerRow === undefined || row === undefined) {
        return done({ ok: false, reason: 'notFound' });
      }
      if (!matchesVersion(expectedEtag, row.version)) {
        return done({ ok: false, reason: 'preconditionFailed' });
      }
      const tombstone = {
        partitionKey,
        rowKey: id,
        deleted: true,
        // Swept by the cleanup timer if the purge below does not happen.
        expiresAt: epochMs(Date.now()),
      };
      const written = await this.#table.transaction([
        ['update', tombstone, 'Replace', { etag: row.etag }],
        ownerRowWrite(partitionKey, ownerRow, ownerRow.count - 1),
      ]);
      return written.ok ? done({ ok: true }) : CONFLICT;
    });
    if (result.ok) {
      // The note is already gone for every reader; a failed purge leaves work for the sweep.
      await this.#table.delete(partitionKey, id).catch(() => undefined);
    }
    return result;
  }

  async count(owner: string): Promise<number> {
    return (await this.#table.get<OwnerRow>(partitionOf(owner), OWNER_ROW_KEY))?.count ?? 0;
  }

  /** Purges the tombstones of deleted notes that were left behind; returns how many. */
  deleteExpired(now: number): Promise<number> {
    return deleteExpiredRows(this.#table, now);
  }

  /** A live note's row, or undefined (no such id, or a tombstone). */
  async #read(partitionKey: string, id: string): Promise<StoredRow<NoteRow> | undefined> {
    if (!isStoredNoteId(id)) return undefined;
    const row = await this.#table.get<NoteRow>(partitionKey, id);
    return row?.deleted === true ? undefined : row;
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
