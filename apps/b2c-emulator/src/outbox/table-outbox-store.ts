import {
  deleteExpiredRows,
  epochMs,
  hashedKey,
  odata,
  type StorageTable,
} from '@ropc/table-storage';
import { randomBytes } from 'node:crypto';
import { MAX_TIME_MS, checkDelivery, mailboxOf } from './outbox-address';
import {
  MAX_OUTBOX_MESSAGES,
  outboxMessageExpiresAt,
  type OutboxDelivery,
  type OutboxMessage,
  type OutboxPurpose,
  type OutboxStore,
} from './outbox-store';

interface MessageRow {
  readonly code: string;
  readonly purpose: OutboxPurpose;
  readonly sentAt: number;
  readonly expiresAt: number;
}

/** Counts down, so that a later delivery on this instance sorts first among equal times. */
const MAX_HRTIME = 10n ** 20n - 1n;

/**
 * The outbox in a table: a partition per mailbox, keyed by the address's SHA-256 (no address is
 * stored: a listing answers the address it was asked for, normalised), a row per message. Row
 * keys count down from the latest time (then from this process's monotonic clock, then a random
 * part), so that the service's key order is newest first and a listing is one partition query.
 * A delivery trims the mailbox after writing: each trim deletes what lies past the newest
 * {@link MAX_OUTBOX_MESSAGES} when it looks, so concurrent deliveries converge on that many, and
 * a listing never shows more meanwhile.
 */
export class TableOutboxStore implements OutboxStore {
  constructor(
    private readonly table: StorageTable,
    private readonly now: () => number,
  ) {}

  async deliver(message: OutboxDelivery): Promise<void> {
    checkDelivery(message);
    const partitionKey = hashedKey(mailboxOf(message.to));
    const created = await this.table.create({
      partitionKey,
      rowKey: newestFirstKey(message.sentAt),
      code: message.code,
      purpose: message.purpose,
      sentAt: epochMs(message.sentAt),
      expiresAt: epochMs(outboxMessageExpiresAt(message.sentAt)),
    });
    // The random part makes a collision a bug, not a race.
    if (!created.ok) throw new Error('an outbox row already exists');
    await this.trim(partitionKey);
  }

  async list(to: string): Promise<OutboxMessage[]> {
    const mailbox = mailboxOf(to);
    const now = this.now();
    const rows = await this.table.list<MessageRow>(odata`PartitionKey eq ${hashedKey(mailbox)}`);
    return rows
      .filter((row) => row.expiresAt > now)
      .slice(0, MAX_OUTBOX_MESSAGES)
      .map((row) => ({ to: mailbox, code: row.code, purpose: row.purpose, sentAt: row.sentAt }));
  }

  deleteExpired(now: number): Promise<number> {
    return deleteExpiredRows(this.table, now);
  }

  clear(): Promise<void> {
    return this.table.clear();
  }

  /** Deletes the mailbox's messages past the newest {@link MAX_OUTBOX_MESSAGES}. */
  private async trim(partitionKey: string): Promise<void> {
    const rows = await this.table.list(odata`PartitionKey eq ${partitionKey}`, ['RowKey']);
    await Promise.all(
      rows
        .slice(MAX_OUTBOX_MESSAGES)
        .map((row) => this.table.delete(partitionKey, row.rowKey, row.etag)),
    );
  }
}

/** A row key that sorts newer messages first (ascending key order is the service's order). */
function newestFirstKey(sentAt: number): string {
  const time = String(MAX_TIME_MS - sentAt).padStart(16, '0');
  const tick = String(MAX_HRTIME - process.hrtime.bigint()).padStart(20, '0');
  return `${time}-${tick}-${randomBytes(6).toString('base64url')}`;
}
