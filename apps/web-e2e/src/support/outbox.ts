/** Why the emulator sent a code: the flow that sent it. */
export type OutboxPurpose = 'sign-in' | 'sign-up' | 'password-reset';

/** One message of `GET /.emulator/outbox?to=`. */
export interface OutboxMessage {
  readonly to: string;
  /** 8 digits. */
  readonly code: string;
  readonly purpose: OutboxPurpose;
  /** ISO 8601, by the emulator's clock. */
  readonly sentAt: string;
}

/** How long {@link waitForCode} waits for a code to arrive. */
const CODE_TIMEOUT_MS = 5_000;

/**
 * The one-time codes the emulator "e-mailed" to `address`, newest first (at most 20), read with
 * the admin key. Throws with the status and body on anything but 200.
 */
export async function readOutbox(
  emulatorUrl: string,
  adminKey: string,
  address: string,
): Promise<OutboxMessage[]> {
  const url = `${emulatorUrl}/.emulator/outbox?to=${encodeURIComponent(address)}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${adminKey}` } });
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
 * The code of the newest message of `purpose` to `address` that is not among `seenBefore` (a
 * read taken before the step that sends it: a resend's new code, not the old one), waiting up to
 * 5 s for it to arrive. Throws, listing the mailbox, when none does.
 */
export async function waitForCode(
  read: (address: string) => Promise<OutboxMessage[]>,
  address: string,
  purpose: OutboxPurpose,
  seenBefore: readonly OutboxMessage[] = [],
): Promise<string> {
  const seen = new Set(seenBefore.map(messageKey));
  const deadline = Date.now() + CODE_TIMEOUT_MS;
  for (;;) {
    const messages = await read(address);
    const fresh = messages.find(
      (message) => message.purpose === purpose && !seen.has(messageKey(message)),
    );
    if (fresh) return fresh.code;
    if (Date.now() > deadline) {
      throw new Error(
        `no new ${purpose} code for ${address} in the outbox within ${CODE_TIMEOUT_MS} ms; it holds ${JSON.stringify(messages)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function messageKey(message: OutboxMessage): string {
  return `${message.sentAt}|${message.purpose}|${message.code}`;
}
