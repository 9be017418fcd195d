/** Why the emulator sent a code: the flow that sent it. */
export type OutboxPurpose = 'sign-in' | 'sign-up' | 'password-reset';

/** One message of `GET /.emulator/outbox?to=`. */
export interface OutboxMessage {
  readonly to: string;
  readonly code: string;
  readonly purpose: OutboxPurpose;
  /** ISO 8601. */
  readonly sentAt: string;
}

/** Where the emulator files one-time codes instead of e-mailing them (admin key required). */
export class Outbox {
  constructor(
    private readonly emulatorUrl: string,
    private readonly adminKey: string,
  ) {}

  /** The address's messages, newest first. Throws with the status and body on anything but 200. */
  async read(address: string): Promise<OutboxMessage[]> {
    const url = `${this.emulatorUrl}/.emulator/outbox?to=${encodeURIComponent(address)}`;
    const response = await fetch(url, { headers: { Authorization: `Bearer ${this.adminKey}` } });
    const text = await response.text();
    if (response.status !== 200) {
      throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    const body = JSON.parse(text) as { messages?: unknown };
    if (!Array.isArray(body.messages)) {
      throw new Error(`GET ${url} answered without a messages array: ${text.slice(0, 500)}`);
    }
    return body.messages as OutboxMessage[];
  }

  /**
   * The newest message for `address` that was not among `before` (a read taken before the step
   * that sends it), waiting briefly for it. Throws, listing the mailbox, when none arrives or the
   * new one is not of `purpose`.
   */
  async newCode(
    address: string,
    purpose: OutboxPurpose,
    before: readonly OutboxMessage[],
    timeoutMs = 5_000,
  ): Promise<OutboxMessage> {
    const seen = new Set(before.map(messageKey));
    const deadline = Date.now() + timeoutMs;
    let messages: OutboxMessage[] = [];
    for (;;) {
      messages = await this.read(address);
      const fresh = messages.filter((message) => !seen.has(messageKey(message)));
      const newest = fresh[0];
      if (newest) {
        if (newest.purpose !== purpose) {
          throw new Error(
            `the newest code for ${address} is for ${newest.purpose}, not ${purpose}: ${JSON.stringify(fresh)}`,
          );
        }
        return newest;
      }
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      `no new ${purpose} code for ${address} in the outbox within ${timeoutMs} ms; it holds ${JSON.stringify(messages)}`,
    );
  }
}

function messageKey(message: OutboxMessage): string {
  return `${message.sentAt}|${message.purpose}|${message.code}`;
}
