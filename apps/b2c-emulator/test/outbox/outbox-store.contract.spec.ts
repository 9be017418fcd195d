import { epochMs, hashedKey, type StorageTable } from '@ropc/table-storage';
import { createHash, randomBytes } from 'node:crypto';
import { MemoryOutboxStore } from '../../src/outbox/memory-outbox-store';
import {
  MAX_OUTBOX_MESSAGES,
  OUTBOX_MESSAGE_LIFETIME_MS,
  type OutboxDelivery,
  type OutboxStore,
} from '../../src/outbox/outbox-store';
import { TableOutboxStore } from '../../src/outbox/table-outbox-store';
import { sameStore, twoInstances, useAzuriteTables } from '../stores/azurite-tables';

const freshTable = useAzuriteTables();

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const HOUR = 3_600_000;

function message(overrides: Partial<OutboxDelivery> = {}): OutboxDelivery {
  return {
    to: 'alice@contoso.com',
    code: '01234567',
    purpose: 'sign-in',
    sentAt: T0,
    ...overrides,
  };
}

/** The `index`-th code of a series: 8 digits. */
const code = (index: number): string => String(index).padStart(8, '0');

/** A store, a second handle on the same state (another instance, for the table), their clock. */
interface Subject {
  readonly store: OutboxStore;
  readonly twin: OutboxStore;
  readonly clock: { now: number };
}

describe.each([
  [
    'memory',
    (): Subject => {
      const clock = { now: T0 };
      const [store, twin] = sameStore(new MemoryOutboxStore(() => clock.now));
      return { store, twin, clock };
    },
  ],
  [
    'table',
    (): Subject => {
      const clock = { now: T0 };
      const secret = randomBytes(32);
      const [store, twin] = twoInstances(
        freshTable('outbox'),
        (table) => new TableOutboxStore(table, secret, () => clock.now),
      );
      return { store, twin, clock };
    },
  ],
])('OutboxStore contract: %s', (_name, createSubject) => {
  let store: OutboxStore;
  let twin: OutboxStore;
  let clock: { now: number };

  beforeEach(() => {
    ({ store, twin, clock } = createSubject());
  });

  it('lists an address its messages, newest first, on any instance', async () => {
    await store.deliver(message({ code: code(1), sentAt: T0 - 2000 }));
    await twin.deliver(message({ code: code(3), purpose: 'password-reset', sentAt: T0 }));
    await store.deliver(message({ code: code(2), purpose: 'sign-up', sentAt: T0 - 1000 }));
    expect(await twin.list('alice@contoso.com')).toEqual([
      { to: 'alice@contoso.com', code: code(3), purpose: 'password-reset', sentAt: T0 },
      { to: 'alice@contoso.com', code: code(2), purpose: 'sign-up', sentAt: T0 - 1000 },
      { to: 'alice@contoso.com', code: code(1), purpose: 'sign-in', sentAt: T0 - 2000 },
    ]);
  });

  it('lists the later of two deliveries in the same millisecond first', async () => {
    await store.deliver(message({ code: code(1) }));
    await store.deliver(message({ code: code(2) }));
    expect((await store.list('alice@contoso.com')).map((listed) => listed.code)).toEqual([
      code(2),
      code(1),
    ]);
  });

  it('compares addresses as usernames are compared, and answers them so', async () => {
    await store.deliver(message({ to: ' Alice@CONTOSO.com ' }));
    const expected = [message()];
    expect(await store.list('alice@contoso.com')).toEqual(expected);
    expect(await twin.list('ALICE@contoso.COM')).toEqual(expected);
    expect(await store.list('bob@contoso.com')).toEqual([]);
    expect(await store.list('alice@contoso.co')).toEqual([]);
  });

  it(`keeps the newest ${MAX_OUTBOX_MESSAGES} messages per address`, async () => {
    for (let index = 0; index < 25; index++) {
      await (index % 2 ? twin : store).deliver(message({ code: code(index), sentAt: T0 + index }));
    }
    await store.deliver(message({ to: 'bob@contoso.com' }));
    const listed = await store.list('alice@contoso.com');
    expect(listed.map((kept) => kept.code)).toEqual(
      Array.from({ length: 20 }, (_, index) => code(24 - index)),
    );
    expect(await store.list('bob@contoso.com')).toHaveLength(1);
  });

  it(`keeps ${MAX_OUTBOX_MESSAGES} when deliveries race`, async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        (index % 2 ? twin : store).deliver(message({ code: code(index), sentAt: T0 + index })),
      ),
    );
    const listed = await store.list('alice@contoso.com');
    expect(listed.map((kept) => kept.code)).toEqual(
      Array.from({ length: 20 }, (_, index) => code(29 - index)),
    );
    // Every delivery trimmed what it saw; the last to look saw them all.
    expect(await store.deleteExpired(T0 + HOUR + 30)).toBe(20);
  });

  it('hides messages after an hour, and the cleanup deletes them', async () => {
    await store.deliver(message({ code: code(1), sentAt: T0 }));
    await store.deliver(message({ code: code(2), sentAt: T0 + 1000 }));
    await store.deliver(message({ to: 'bob@contoso.com', sentAt: T0 + 1000 }));
    expect(OUTBOX_MESSAGE_LIFETIME_MS).toBe(HOUR);
    clock.now = T0 + HOUR;
    expect((await store.list('alice@contoso.com')).map((kept) => kept.code)).toEqual([code(2)]);
    expect(await store.deleteExpired(T0 + HOUR - 1)).toBe(0);
    expect(await twin.deleteExpired(T0 + HOUR)).toBe(1);
    expect(await store.deleteExpired(T0 + HOUR + 1000)).toBe(2);
    clock.now = T0;
    expect(await store.list('alice@contoso.com')).toEqual([]);
    expect(await store.list('bob@contoso.com')).toEqual([]);
  });

  it('empties every mailbox on clear', async () => {
    await store.deliver(message());
    await twin.clear();
    expect(await store.list('alice@contoso.com')).toEqual([]);
  });

  it('refuses addresses and messages outside the limits with a TypeError', async () => {
    const longest = `${'a'.repeat(308)}@contoso.com`;
    expect(longest).toHaveLength(320);
    await store.deliver(message({ to: longest }));
    expect(await store.list(longest.toUpperCase())).toHaveLength(1);
    for (const to of [`a${longest}`, '', '   ']) {
      await expect(store.deliver(message({ to }))).rejects.toThrow(TypeError);
      await expect(store.list(to)).rejects.toThrow(TypeError);
    }
    for (const refused of [
      message({ code: '' }),
      message({ code: '1234 5678' }),
      message({ purpose: 'sign-out' as OutboxDelivery['purpose'] }),
      message({ sentAt: Number.NaN }),
      message({ sentAt: -1 }),
    ]) {
      await expect(store.deliver(refused)).rejects.toThrow(TypeError);
    }
    expect(await store.list('alice@contoso.com')).toEqual([]);
  });
});

describe('TableOutboxStore rows', () => {
  const secret = randomBytes(32);

  /** A store on a new table, and that table to read its raw rows. */
  function tableStore(): { table: StorageTable; store: TableOutboxStore } {
    const table = freshTable('outboxrows');
    return { table, store: new TableOutboxStore(table, secret, () => T0) };
  }

  it('hold neither the address, its plain SHA-256 nor the code', async () => {
    const { table, store } = tableStore();
    await store.deliver(message({ to: 'Carol@Contoso.com', code: 'Zq93Kx07' }));
    const rows = await table.list();
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored.toLowerCase()).not.toContain('carol');
    for (const encoding of ['base64url', 'base64', 'hex'] as const) {
      const digest = createHash('sha256').update('carol@contoso.com').digest(encoding);
      expect(stored).not.toContain(digest);
    }
    expect(stored).not.toContain(hashedKey('carol@contoso.com'));
    expect(stored).not.toContain('Zq93Kx07');
    expect(stored).not.toContain(Buffer.from('Zq93Kx07').toString('base64url'));
    expect(await store.list('carol@contoso.com')).toEqual([
      message({ to: 'carol@contoso.com', code: 'Zq93Kx07' }),
    ]);
  });

  it('do not open with another secret, nor answer another secret a mailbox', async () => {
    const { table, store } = tableStore();
    await store.deliver(message());
    const stranger = new TableOutboxStore(table, randomBytes(32), () => T0);
    expect(await stranger.list('alice@contoso.com')).toEqual([]);
    expect(() => new TableOutboxStore(table, randomBytes(16), () => T0)).toThrow(TypeError);
  });

  it('skip a row whose sealed code was tampered with, and list the others', async () => {
    const { table, store } = tableStore();
    await store.deliver(message({ code: code(1), sentAt: T0 - 1000 }));
    await store.deliver(message({ code: code(2) }));
    const [newest] = await table.list<{ sealedCode: string }>();
    if (!newest) throw new Error('no row');
    const [version, iv, data, tag] = newest.sealedCode.split('.');
    const bytes = Buffer.from(data ?? '', 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const tampered = [version, iv, bytes.toString('base64url'), tag].join('.');
    const forms = [tampered, 'not sealed', `${newest.sealedCode}.extra`];
    for (const sealedCode of forms) {
      await table.merge({ partitionKey: newest.partitionKey, rowKey: newest.rowKey, sealedCode });
      expect((await store.list('alice@contoso.com')).map((listed) => listed.code)).toEqual([
        code(1),
      ]);
    }
  });

  it('skip a sealed code moved to another mailbox or another row', async () => {
    const { table, store } = tableStore();
    await store.deliver(message({ to: 'bob@contoso.com', code: code(9), sentAt: T0 - 1000 }));
    await store.deliver(message({ code: code(1) }));
    const rows = await table.list<{ sealedCode: string; purpose: string; sentAt: number }>();
    const alice = rows.find((row) => row.sentAt === T0);
    const bob = rows.find((row) => row.sentAt === T0 - 1000);
    if (!alice || !bob) throw new Error('missing rows');
    const copy = (partitionKey: string, rowKey: string) =>
      table.create({
        partitionKey,
        rowKey,
        sealedCode: alice.sealedCode,
        purpose: alice.purpose,
        sentAt: epochMs(T0 + 1),
        expiresAt: epochMs(T0 + HOUR),
      });
    // Into Bob's mailbox under its own row key, and into Alice's under a newer one.
    await copy(bob.partitionKey, alice.rowKey);
    await copy(alice.partitionKey, `0${alice.rowKey.slice(1)}`);
    expect(await store.list('bob@contoso.com')).toEqual([
      message({ to: 'bob@contoso.com', code: code(9), sentAt: T0 - 1000 }),
    ]);
    expect(await store.list('alice@contoso.com')).toEqual([message({ code: code(1) })]);
  });

  it('share the outbox key through the secrets table on open', async () => {
    const secrets = freshTable('outboxsecrets');
    const table = freshTable('outboxrows');
    const first = await TableOutboxStore.open(table, secrets, () => T0);
    const second = await TableOutboxStore.open(table, secrets, () => T0);
    await first.deliver(message());
    expect(await second.list('alice@contoso.com')).toEqual([message()]);
    expect((await secrets.list()).map((row) => row.rowKey)).toEqual(['outbox-key']);
  });
});
