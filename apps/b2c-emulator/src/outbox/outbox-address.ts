import { normaliseUsername } from '@ropc/identity-protection';
import { MAX_OUTBOX_ADDRESS_LENGTH, type OutboxDelivery, type OutboxPurpose } from './outbox-store';

/** The latest time a JavaScript date holds (epoch ms). */
export const MAX_TIME_MS = 8.64e15;

const PURPOSES: readonly OutboxPurpose[] = ['sign-in', 'sign-up', 'password-reset'];

/** Whether `to` may name a mailbox: 1 to {@link MAX_OUTBOX_ADDRESS_LENGTH} characters, not blank. */
export function isOutboxAddress(to: string): boolean {
  return to.length <= MAX_OUTBOX_ADDRESS_LENGTH && to.trim().length > 0;
}

/**
 * The mailbox of an address: compared as usernames are (trimmed, NFC, lower case), since the
 * codes go to the username a flow names.
 * @throws {TypeError} for an address that {@link isOutboxAddress} refuses.
 */
export function mailboxOf(to: string): string {
  if (!isOutboxAddress(to)) throw new TypeError('to: not an outbox address');
  return normaliseUsername(to);
}

/**
 * Checks a message before it is filed; a message outside the limits is the sender's bug.
 * @throws {TypeError} naming the field at fault (never its value).
 */
export function checkDelivery(message: OutboxDelivery): void {
  mailboxOf(message.to);
  if (!/^[0-9A-Za-z]{1,64}$/.test(message.code)) throw new TypeError('code: not a code');
  if (!PURPOSES.includes(message.purpose)) throw new TypeError('purpose: not an outbox purpose');
  if (!Number.isInteger(message.sentAt) || message.sentAt < 0 || message.sentAt > MAX_TIME_MS) {
    throw new TypeError('sentAt: not a time');
  }
}
