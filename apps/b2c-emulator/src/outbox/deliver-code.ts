import type { OutboxDelivery, OutboxStore } from './outbox-store';

/** Where {@link deliverCode} sends a code: the outbox, and the log when codes are logged. */
export interface CodeDelivery {
  readonly outbox: OutboxStore;
  /** `B2C_EMULATOR_LOG_CODES`: off unless a developer asks for codes on the console. */
  readonly logCodes: boolean;
  readonly log: (line: string) => void;
}

/**
 * Sends a one-time code as the emulator sends e-mail: into the outbox, and — only with
 * `B2C_EMULATOR_LOG_CODES=on` — one log line with the code, so that a developer signing in by
 * hand need not ask the outbox. A code is a secret like a password: this is the one log line
 * that may carry one.
 */
export async function deliverCode(delivery: CodeDelivery, message: OutboxDelivery): Promise<void> {
  await delivery.outbox.deliver(message);
  if (delivery.logCodes) {
    delivery.log(`one-time code ${message.code} for ${message.to} (${message.purpose})`);
  }
}
