import { checkDelivery, mailboxOf } from './outbox-address';
import {
  MAX_OUTBOX_MESSAGES,
  outboxMessageExpiresAt,
  type OutboxDelivery,
  type OutboxMessage,
  type OutboxStore,
} from './outbox-store';

/**
 * Past this many mailboxes, expired messages are swept at once rather than at the next cleanup.
 * Messages live an hour, so memory follows the rate of sends over an hour (codes are sent only
 * within flows, at most five per flow); this sweep does not bound a burst, it saves waiting for
 * the timer.
 */
const SWEEP_AT_SIZE = 10_000;

/** The outbox in process memory: a list per mailbox, newest first. */
export class MemoryOutboxStore implements OutboxStore {
  private readonly mailboxes = new Map<string, OutboxMessage[]>();

  constructor(private readonly now: () => number) {}

  deliver(message: OutboxDelivery): Promise<void> {
    // A refused message rejects, as the table store's does, rather than throwing at the caller.
    return new Promise((resolve) => {
      checkDelivery(message);
      const to = mailboxOf(message.to);
      const messages = this.mailboxes.get(to) ?? [];
      const { code, purpose, sentAt } = message;
      // Before every message sent at the same time or earlier: newest first, the latest delivery
      // first among equals.
      const at = messages.findIndex((kept) => kept.sentAt <= sentAt);
      messages.splice(at === -1 ? messages.length : at, 0, { to, code, purpose, sentAt });
      this.mailboxes.set(to, messages.slice(0, MAX_OUTBOX_MESSAGES));
      if (this.mailboxes.size > SWEEP_AT_SIZE) this.sweep(this.now());
      resolve();
    });
  }

  list(to: string): Promise<OutboxMessage[]> {
    return new Promise((resolve) => {
      const now = this.now();
      const messages = this.mailboxes.get(mailboxOf(to)) ?? [];
      resolve(messages.filter((message) => !isExpired(message, now)).map((kept) => ({ ...kept })));
    });
  }

  deleteExpired(now: number): Promise<number> {
    return Promise.resolve(this.sweep(now));
  }

  clear(): Promise<void> {
    this.mailboxes.clear();
    return Promise.resolve();
  }

  private sweep(now: number): number {
    let deleted = 0;
    for (const [to, messages] of this.mailboxes) {
      const kept = messages.filter((message) => !isExpired(message, now));
      deleted += messages.length - kept.length;
      if (kept.length === 0) this.mailboxes.delete(to);
      else this.mailboxes.set(to, kept);
    }
    return deleted;
  }
}

function isExpired(message: OutboxMessage, now: number): boolean {
  return outboxMessageExpiresAt(message.sentAt) <= now;
}
