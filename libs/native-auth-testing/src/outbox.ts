/** Why the emulator sent a code: the flow that sent it. */
export type OutboxPurpose = 'sign-in' | 'sign-up' | 'password-reset';

/** One message of `GET /.emulator/outbox?to=`. */
export interface OutboxMessage {
  readonly to: string;
  readonly code: string;
  readonly purpose: OutboxPurpose;
  /** ISO 8601, by the emulator's clock. */
  readonly sentAt: string;
}

/** How {@link Outbox.newCode} waits and which new message it takes. */
export interface NewCodeOptions {
  /** How long to wait for the message; 5 s unless given. */
  readonly timeoutMs?: number;
  /**
   * A new message of another purpose: `fail` (the default) when the newest new message must be of
   * `purpose`, for a test that asserts which flow sent the last code; `skip` to pass over it, for
   * a test that only needs the code of its own flow.
   */
  readonly otherPurposes?: 'fail' | 'skip';
}

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Where the emulator files one-time codes instead of e-mailing them: `GET /.emulator/outbox?to=`,
 * read with the admin key.
 */
export class Outbox {
  constructor(
    private readonly emulatorUrl: string,
    private readonly adminKey: string,
  ) {}

  /**
   * The address's messages not yet expired, newest first, at most 20 (the emulator drops older
   * ones). Throws with the status and body on anything but 200.
   */
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
   * The newest message of `purpose` for `address` that was not among `before` (a read taken before
   * the step that sends it, so that a resend's new code is told from the old one), polling until
   * it arrives. Throws, listing the mailbox, when none arrives in time, or when the newest new
   * message is of another purpose and `otherPurposes` is `fail`.
   */
  async newCode(
    address: string,
    purpose: OutboxPurpose,
    before: readonly OutboxMessage[] = [],
    options: NewCodeOptions = {},
  ): Promise<OutboxMessage> {
    const { timeoutMs = DEFAULT_TIMEOUT_MS, otherPurposes = 'fail' } = options;
    const seen = new Set(before.map(messageKey));
    const deadline = Date.now() + timeoutMs;
    let messages: OutboxMessage[] = [];
    for (;;) {
      messages = await this.read(address);
      const fresh = messages.filter((message) => !seen.has(messageKey(message)));
      const candidates =
        otherPurposes === 'skip' ? fresh.filter((message) => message.purpose === purpose) : fresh;
      const newest = candidates[0];
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

/** A message's identity: the outbox gives its messages no id. */
function messageKey(message: OutboxMessage): string {
  return `${message.sentAt}|${message.purpose}|${message.code}`;
}
