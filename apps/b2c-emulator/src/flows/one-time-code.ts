import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * E-mailed one-time codes (docs/entra-native-auth-protocol.md §3.2, §4.2, §5.1), as functions
 * over the code's state, which a kind keeps in its flow data. `issueOneTimeCode` draws from the
 * CSPRNG, so it is not pure: a flow store may run a step's decision again after a lost race, and
 * the code to send is the one of the decision that was stored — deliver it only after the store's
 * `advance` or `update` has settled, never from inside the decision. The state holds a keyed
 * hash of the code, never the code: HMAC-SHA256 under a secret of the store (`oneTimeCodeKey`,
 * shared by every instance on one store), with a fresh nonce per code. A slow password hash
 * (argon2id, ≈ 18 ms) would add nothing here: 10^8 codes are within reach of any offline search
 * whatever the cost, so what protects a code is a key the rows do not hold — plus 3 tries, 10
 * minutes and at most 5 sends — and HMAC costs microseconds per send and check.
 */

/** Digits of a code: 8, as in every published example (§9; always 8 and digits only: §10). */
export const ONE_TIME_CODE_LENGTH = 8;
/** How long a code works after it was sent. */
export const ONE_TIME_CODE_LIFETIME_MS = 10 * 60 * 1000;
/** Wrong tries that spend a code: the user must ask for a new one. */
export const MAX_WRONG_CODE_TRIES = 3;
/** Codes one flow may send (the first and four resends), so a flow cannot flood a mailbox. */
export const MAX_CODE_SENDS = 5;

/** A flow's code, JSON-serialisable so that it travels in flow data. */
export interface OneTimeCodeState {
  /** base64url HMAC-SHA256 of the nonce and the code; absent once the code is spent. */
  readonly hash?: string;
  /** base64url, 16 random bytes per code: equal codes of two flows never hash alike. */
  readonly nonce?: string;
  /** Epoch ms at which the current code stops working. */
  readonly expiresAt: number;
  /** Wrong tries against the current code. */
  readonly wrongTries: number;
  /** Codes this flow has sent, the current one included. */
  readonly sends: number;
}

/** Outcome of {@link issueOneTimeCode}. */
export type IssuedCode =
  /** Send `code` and keep `state`; the previous code no longer works. */
  | { readonly outcome: 'issued'; readonly code: string; readonly state: OneTimeCodeState }
  /** {@link MAX_CODE_SENDS} reached: nothing sent, the state unchanged. */
  | { readonly outcome: 'send_limit' };

/** Outcome of {@link checkOneTimeCode}; every one but `expired` and `none` comes with a new state. */
export type CodeCheck =
  /** Right: the code is spent by its use. */
  | { readonly outcome: 'verified'; readonly state: OneTimeCodeState }
  /** Wrong: counted; at 0 tries left the code is spent. */
  | { readonly outcome: 'wrong'; readonly triesLeft: number; readonly state: OneTimeCodeState }
  /** The code's ten minutes are over. */
  | { readonly outcome: 'expired' }
  /** No code works: none sent, or spent (used, or tried wrong three times). */
  | { readonly outcome: 'none' };

/**
 * A new code, replacing `previous` (a resend: the old code stops working and its wrong tries are
 * forgotten), unless the flow already sent {@link MAX_CODE_SENDS}.
 */
export function issueOneTimeCode(
  previous: OneTimeCodeState | undefined,
  now: number,
  key: Buffer,
): IssuedCode {
  const sends = previous?.sends ?? 0;
  if (sends >= MAX_CODE_SENDS) return { outcome: 'send_limit' };
  // randomInt draws from the CSPRNG without modulo bias.
  const code = String(randomInt(0, 10 ** ONE_TIME_CODE_LENGTH)).padStart(ONE_TIME_CODE_LENGTH, '0');
  const nonce = randomBytes(16).toString('base64url');
  const state = {
    hash: codeHash(key, nonce, code).toString('base64url'),
    nonce,
    expiresAt: now + ONE_TIME_CODE_LIFETIME_MS,
    wrongTries: 0,
    sends: sends + 1,
  };
  return { outcome: 'issued', code, state };
}

/**
 * Checks `presented` against the flow's code in constant time (the keyed hashes are compared, so
 * how long a check takes says nothing about how close a guess was). Anything but the code —
 * another length, other characters — is a wrong try.
 */
export function checkOneTimeCode(
  state: OneTimeCodeState | undefined,
  presented: string,
  now: number,
  key: Buffer,
): CodeCheck {
  if (state?.hash === undefined || state.nonce === undefined) return { outcome: 'none' };
  if (now >= state.expiresAt) return { outcome: 'expired' };
  const expected = Buffer.from(state.hash, 'base64url');
  const actual = codeHash(key, state.nonce, presented);
  const spent = { expiresAt: state.expiresAt, sends: state.sends };
  if (actual.length === expected.length && timingSafeEqual(actual, expected)) {
    return { outcome: 'verified', state: { ...spent, wrongTries: state.wrongTries } };
  }
  const wrongTries = state.wrongTries + 1;
  const triesLeft = Math.max(0, MAX_WRONG_CODE_TRIES - wrongTries);
  const next = triesLeft === 0 ? { ...spent, wrongTries } : { ...state, wrongTries };
  return { outcome: 'wrong', triesLeft, state: next };
}

function codeHash(key: Buffer, nonce: string, code: string): Buffer {
  return createHmac('sha256', key).update(nonce, 'utf8').update('.').update(code, 'utf8').digest();
}
