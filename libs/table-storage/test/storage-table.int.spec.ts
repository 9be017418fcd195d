import { startAzurite, type RunningAzurite } from '../src/testing';
import {
  deleteExpiredRows,
  epochMs,
  StorageUnavailableError,
  TableStorage,
  type StorageTable,
} from '../src';

let azurite: RunningAzurite;
let storage: TableStorage;
let table: StorageTable;

beforeAll(async () => {
  azurite = await startAzurite();
  storage = new TableStorage(azurite.connectionString, { timeoutMs: 1500 });
  table = storage.table('rows');
});

afterAll(async () => {
  await azurite.stop();
});

beforeEach(async () => {
  await table.clear();
});

describe('StorageTable against Azurite', () => {
  it('creates the table on first use and reads back what it wrote', async () => {
    const created = await table.create({ partitionKey: 'p', rowKey: 'r', count: 1 });
    expect(created.ok).toBe(true);
    const row = await table.get<{ count: number }>('p', 'r');
    expect(row).toMatchObject({ partitionKey: 'p', rowKey: 'r', count: 1 });
    expect(row?.etag).toMatch(/^W\/"datetime'/u);
  });

  it('answers undefined for a missing row and refuses a second insert of the same keys', async () => {
    expect(await table.get('p', 'missing')).toBeUndefined();
    await table.create({ partitionKey: 'p', rowKey: 'r', count: 1 });
    expect(await table.create({ partitionKey: 'p', rowKey: 'r', count: 2 })).toEqual({ ok: false });
    expect((await table.get<{ count: number }>('p', 'r'))?.count).toBe(1);
  });

  it('replaces only while the entity tag still matches', async () => {
    await table.create({ partitionKey: 'p', rowKey: 'r', count: 1 });
    const read = await table.get<{ count: number }>('p', 'r');
    const first = await table.replace(
      { partitionKey: 'p', rowKey: 'r', count: 2 },
      read?.etag ?? '',
    );
    expect(first.ok).toBe(true);
    const stale = await table.replace(
      { partitionKey: 'p', rowKey: 'r', count: 3 },
      read?.etag ?? '',
    );
    expect(stale).toEqual({ ok: false });
    expect((await table.get<{ count: number }>('p', 'r'))?.count).toBe(2);
  });

  it('deletes only while the entity tag still matches', async () => {
    const created = await table.create({ partitionKey: 'p', rowKey: 'r', count: 1 });
    await table.merge({ partitionKey: 'p', rowKey: 'r', count: 2 });
    expect(await table.delete('p', 'r', created.ok ? created.etag : '')).toBe(false);
    expect(await table.delete('p', 'r')).toBe(true);
    expect(await table.delete('p', 'r')).toBe(false);
  });

  it('applies a transaction entirely or not at all', async () => {
    await table.create({ partitionKey: 'p', rowKey: 'taken', count: 1 });
    const failed = await table.transaction([
      ['create', { partitionKey: 'p', rowKey: 'new', count: 1 }],
      ['create', { partitionKey: 'p', rowKey: 'taken', count: 2 }],
    ]);
    expect(failed).toEqual({ ok: false });
    expect(await table.get('p', 'new')).toBeUndefined();
    const applied = await table.transaction([
      ['create', { partitionKey: 'p', rowKey: 'new', count: 1 }],
      ['delete', { partitionKey: 'p', rowKey: 'taken' }],
    ]);
    expect(applied).toEqual({ ok: true });
    expect(await table.list()).toEqual([expect.objectContaining({ rowKey: 'new' })]);
  });

  it('stores epoch milliseconds exactly and sweeps only expired rows', async () => {
    const now = Date.UTC(2026, 10, 25, 12, 0, 0, 123);
    await table.create({ partitionKey: 'p', rowKey: 'old', expiresAt: epochMs(now - 1) });
    await table.create({ partitionKey: 'p', rowKey: 'edge', expiresAt: epochMs(now) });
    await table.create({ partitionKey: 'p', rowKey: 'live', expiresAt: epochMs(now + 1) });
    expect((await table.get<{ expiresAt: number }>('p', 'live'))?.expiresAt).toBe(now + 1);
    expect(await deleteExpiredRows(table, now)).toBe(2);
    expect((await table.list()).map((row) => row.rowKey)).toEqual(['live']);
  });

  it('fails with StorageUnavailableError, not a hang, while Azurite does not answer', async () => {
    await table.create({ partitionKey: 'p', rowKey: 'r', count: 1 });
    azurite.pause();
    try {
      const error: unknown = await table.get('p', 'r').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect((error as StorageUnavailableError).message).toBe(
        'state storage is unavailable (read rows)',
      );
    } finally {
      azurite.resume();
    }
    expect((await table.get<{ count: number }>('p', 'r'))?.count).toBe(1);
  });

  it('fails with StorageUnavailableError when nothing listens', async () => {
    const closed = new TableStorage(azurite.connectionString.replace(`:${azurite.port}/`, ':1/'), {
      timeoutMs: 1500,
    });
    await expect(closed.table('rows').get('p', 'r')).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
  });
});

describe('TableStorage', () => {
  it('describes a connection string without its key', () => {
    expect(storage.describe()).toBe(`http://127.0.0.1:${azurite.port}/devstoreaccount1`);
    expect(new TableStorage('UseDevelopmentStorage=true').describe()).toBe(
      'Azurite (http://127.0.0.1:10002/devstoreaccount1)',
    );
  });

  it('refuses a malformed connection string without quoting it', () => {
    expect(() => new TableStorage('AccountName=contoso;AccountKey=')).toThrow(
      new TypeError('not a storage connection string with a table endpoint'),
    );
  });

  it('refuses an invalid table name', () => {
    expect(() => storage.table('no-dashes')).toThrow('not a valid table name: no-dashes');
  });
});
