import {
  AzuriteRequestLog,
  startAzurite,
  type AzuriteRequest,
  type RunningAzurite,
} from '../src/testing';
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
/** Every request Azurite answered, from its access log. */
const log = new AzuriteRequestLog();

/** The requests Azurite answers during `work`. */
function requestsDuring(work: () => Promise<unknown>): Promise<AzuriteRequest[]> {
  return log.during(work);
}

beforeAll(async () => {
  azurite = await startAzurite({ onRequest: log.record });
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

  it('applies no part of a transaction whose update names a stale entity tag', async () => {
    await table.create({ partitionKey: 'p', rowKey: 'r', count: 1 });
    const read = await table.get<{ count: number }>('p', 'r');
    await table.merge({ partitionKey: 'p', rowKey: 'r', count: 2 });
    const stale = await table.transaction([
      ['update', { partitionKey: 'p', rowKey: 'r', count: 3 }, 'Merge', { etag: read?.etag }],
      ['create', { partitionKey: 'p', rowKey: 'other', count: 1 }],
    ]);
    expect(stale).toEqual({ ok: false });
    expect(await table.list()).toEqual([expect.objectContaining({ rowKey: 'r', count: 2 })]);
    const current = await table.get<{ count: number }>('p', 'r');
    const applied = await table.transaction([
      ['update', { partitionKey: 'p', rowKey: 'r', count: 3 }, 'Merge', { etag: current?.etag }],
      ['create', { partitionKey: 'p', rowKey: 'other', count: 1 }],
    ]);
    expect(applied).toEqual({ ok: true });
    expect((await table.get<{ count: number }>('p', 'r'))?.count).toBe(3);
  });

  it('sends a transaction as one request, whatever it holds', async () => {
    const requests = await requestsDuring(() =>
      table.transaction([
        ['create', { partitionKey: 'p', rowKey: 'a', count: 1 }],
        ['create', { partitionKey: 'p', rowKey: 'b', count: 1 }],
        ['create', { partitionKey: 'p', rowKey: 'c', count: 1 }],
      ]),
    );
    expect(requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /devstoreaccount1/$batch',
    ]);
    expect(await table.list()).toHaveLength(3);
  });

  it("names every request Azurite answered, from its access log, with Azurite's status", async () => {
    const requests = await requestsDuring(async () => {
      await table.create({ partitionKey: 'p', rowKey: 'r', count: 1 });
      await table.get('p', 'r');
      await table.get('p', 'missing');
    });
    expect(requests).toEqual([
      { method: 'POST', path: '/devstoreaccount1/rows', status: 204 },
      { method: 'GET', path: "/devstoreaccount1/rows(PartitionKey='p',RowKey='r')", status: 200 },
      {
        method: 'GET',
        path: "/devstoreaccount1/rows(PartitionKey='p',RowKey='missing')",
        status: 404,
      },
    ]);
  });

  it('counts the entries a store says a swept row held', async () => {
    const now = Date.UTC(2026, 10, 25, 12, 0, 0);
    await table.create({ partitionKey: 'p', rowKey: 'pair', held: 2, expiresAt: epochMs(now) });
    await table.create({ partitionKey: 'p', rowKey: 'single', expiresAt: epochMs(now) });
    const entries = {
      properties: ['held'],
      count: (row: Readonly<Record<string, unknown>>) =>
        typeof row['held'] === 'number' ? row['held'] : 1,
    };
    expect(await deleteExpiredRows(table, now, entries)).toBe(3);
    expect(await table.list()).toEqual([]);
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
