/**
 * The emulator's outbox: where one-time codes go instead of e-mail (docs/entra-native-auth-
 * protocol.md §3.2, §4.2, §5.1 — the service e-mails them), so that a developer or a test reads
 * them through `GET /.emulator/outbox`. Kind-neutral: any kind that sends codes delivers here.
 */

/** Why a code was sent: the flow that sent it. */
export type OutboxPurpose = 'sign-in' | 'sign-up' | 'password-reset';

/** A message as delivered. */
export interface OutboxDelivery {
  /** The address, at most {@link MAX_OUTBOX_ADDRESS_LENGTH} characters. */
  readonly to: string;
  readonly code: string;
  readonly purpose: OutboxPurpose;
  /** Epoch ms, by the emulator's clock. */
  readonly sentAt: number;
}

/** A message as listed: `to` as addresses are compared (trimmed, NFC, lower case). */
export type OutboxMessage = OutboxDelivery;

/** The longest address: RFC 5321's 64-octet local part, `@` and 255-octet domain, as commonly bounded. */
export const MAX_OUTBOX_ADDRESS_LENGTH = 320;

/** Messages kept per address, newest first; an older one is dropped when a newer one arrives. */
export const MAX_OUTBOX_MESSAGES = 20;

/**
 * How long a message is kept: an hour, six times a code's ten minutes, so that a test or a
 * developer can still look back at what was sent; then the cleanup timer deletes it.
 */
export const OUTBOX_MESSAGE_LIFETIME_MS = 3_600_000;

/** Epoch ms at which a message sent at `sentAt` expires. */
export function outboxMessageExpiresAt(sentAt: number): number {
  return sentAt + OUTBOX_MESSAGE_LIFETIME_MS;
}

/** The outbox, in memory or in a table; an address's mailbox is the same whichever tenant sent. */
export interface OutboxStore {
  /** Files a message. @throws {TypeError} for an address or code outside the limits. */
  deliver(message: OutboxDelivery): Promise<void>;
  /**
   * The address's messages not yet expired, newest first (messages sent in the same millisecond
   * in any order), at most {@link MAX_OUTBOX_MESSAGES}. The address compares case-insensitively.
   * @throws {TypeError} for an address outside the limits.
   */
  list(to: string): Promise<OutboxMessage[]>;
  /** Deletes messages past {@link OUTBOX_MESSAGE_LIFETIME_MS} at `now`; returns how many. */
  deleteExpired(now: number): Promise<number>;
  /** Empties every mailbox (tenant reset). */
  clear(): Promise<void>;
}
