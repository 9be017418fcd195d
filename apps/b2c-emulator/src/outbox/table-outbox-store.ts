import { deleteExpiredRows, epochMs, odata, type StorageTable } from '@ropc/table-storage';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { OUTBOX_KEY_ROW_KEY, readSharedSecret } from '../stores/shared-secret';
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
  /** The code sealed by {@link sealCode}; absent from rows of the former, clear format. */
  readonly sealedCode?: unknown;
  readonly purpose: OutboxPurpose;
  readonly sentAt: number;
  readonly expiresAt: number;
}

/** The two keys derived from the shared outbox secret: one per use, so neither yields the other. */
interface OutboxKeys {
  readonly mailbox: Buffer;
  readonly seal: Buffer;
}

/** Counts down, so that a later delivery on this instance sorts first among equal times. */
const MAX_HRTIME = 10n ** 20n - 1n;
const MAILBOX_KEY_INFO = 'b2c-emulator outbox mailbox v1';
const SEAL_KEY_INFO = 'b2c-emulator outbox code v1';
const SEAL_VERSION = 'v1';

/**
 * The outbox in a table: a partition per mailbox, a row per message. The table holds no usable
 * secret: the partition key is an HMAC-SHA256 of the normalised address and each code is sealed
 * with AES-256-GCM (bound to its partition and row key), both under keys derived with HKDF from a
 * 32-byte secret in the secrets table, so a reader of this table alone can neither find an
 * address's mailbox nor read a code. Rows of the former format (a code in clear, filed under the
 * address's plain SHA-256) are simply never found again: they held codes for an hour, and the
 * cleanup deletes them, so there is nothing to migrate. Row keys count down from the latest time
 * (then from this process's monotonic clock, then a random part), so that the service's key order
 * is newest first and a listing is one partition query. A delivery trims the mailbox after
 * writing: each trim deletes what lies past the newest {@link MAX_OUTBOX_MESSAGES} when it looks,
 * so concurrent deliveries converge on that many, and a listing never shows more meanwhile.
 */
export class TableOutboxStore implements OutboxStore {
  private readonly keys: OutboxKeys;

  /**
   * @param secret the 32-byte secret every instance on this table shares.
   * @throws {TypeError} when `secret` is not 32 bytes.
   */
  constructor(
    private readonly table: StorageTable,
    secret: Buffer,
    private readonly now: () => number,
  ) {
    if (secret.length !== 32) throw new TypeError('secret: not 32 bytes');
    this.keys = {
      mailbox: deriveKey(secret, MAILBOX_KEY_INFO),
      seal: deriveKey(secret, SEAL_KEY_INFO),
    };
  }

  /** A store keyed by the shared secret in the secrets table's row {@link OUTBOX_KEY_ROW_KEY}. */
  static async open(
    table: StorageTable,
    secrets: StorageTable,
    now: () => number,
  ): Promise<TableOutboxStore> {
    return new TableOutboxStore(table, await readSharedSecret(secrets, OUTBOX_KEY_ROW_KEY), now);
  }

  async deliver(message: OutboxDelivery): Promise<void> {
    checkDelivery(message);
    const partitionKey = this.mailboxKey(mailboxOf(message.to));
    const rowKey = newestFirstKey(message.sentAt);
    const created = await this.table.create({
      partitionKey,
      rowKey,
      sealedCode: sealCode(this.keys.seal, partitionKey, rowKey, message.code),
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
    const partitionKey = this.mailboxKey(mailbox);
    const rows = await this.table.list<MessageRow>(odata`PartitionKey eq ${partitionKey}`);
    return rows
      .filter((row) => row.expiresAt > now)
      .flatMap((row) => {
        const code = openCode(this.keys.seal, partitionKey, row.rowKey, row.sealedCode);
        // A row that does not open (tampered, moved, or of the former format) is not a message.
        if (code === undefined) return [];
        return [{ to: mailbox, code, purpose: row.purpose, sentAt: row.sentAt }];
      })
      .slice(0, MAX_OUTBOX_MESSAGES);
  }

  deleteExpired(now: number): Promise<number> {
    return deleteExpiredRows(this.table, now);
  }

  clear(): Promise<void> {
    return this.table.clear();
  }

  /** The partition of a normalised address: its HMAC-SHA256, base64url (a safe table key). */
  private mailboxKey(mailbox: string): string {
    return createHmac('sha256', this.keys.mailbox).update(mailbox, 'utf8').digest('base64url');
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

function deriveKey(secret: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
}

/** The row's keys as additional data: a sealed code copied into another row does not open. */
function rowBinding(partitionKey: string, rowKey: string): Buffer {
  return Buffer.from(`${partitionKey}/${rowKey}`, 'utf8');
}

/** `v1.{iv}.{ciphertext}.{tag}`, base64url: AES-256-GCM with a random 96-bit IV. */
function sealCode(key: Buffer, partitionKey: string, rowKey: string, code: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(rowBinding(partitionKey, rowKey));
  const sealed = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  const parts = [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url'));
  return [SEAL_VERSION, ...parts].join('.');
}

/** The code {@link sealCode} sealed into this row, or undefined when it does not open here. */
function openCode(
  key: Buffer,
  partitionKey: string,
  rowKey: string,
  sealed: unknown,
): string | undefined {
  if (typeof sealed !== 'string') return undefined;
  const [version, iv, data, tag, ...rest] = sealed.split('.');
  if (version !== SEAL_VERSION || iv === undefined || data === undefined || tag === undefined) {
    return undefined;
  }
  if (rest.length > 0) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
      authTagLength: 16,
    });
    decipher.setAAD(rowBinding(partitionKey, rowKey));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const code = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
    return code.toString('utf8');
  } catch {
    return undefined;
  }
}

/** A row key that sorts newer messages first (ascending key order is the service's order). */
function newestFirstKey(sentAt: number): string {
  const time = String(MAX_TIME_MS - sentAt).padStart(16, '0');
  const tick = String(MAX_HRTIME - process.hrtime.bigint()).padStart(20, '0');
  return `${time}-${tick}-${randomBytes(6).toString('base64url')}`;
}
