import type { FailureBudgetSettings } from './failure-budget-settings';

/**
 * One attempt that counts against an account's budgets: reserved before it is forwarded
 * (`pending`), then a settled `failed` attempt, or `uncertain` when the authority's answer did
 * not say (a timeout, a 5xx, a 429: it may still have counted a failure).
 */
export interface LedgerEntry {
  /** The slot's id, random per attempt. */
  readonly id: string;
  /** The known device it drew on, or null for the anonymous budget. */
  readonly device: string | null;
  readonly state: 'pending' | 'failed' | 'uncertain';
  /** Epoch ms it was reserved (pending) or settled: it counts until `at` + the memory. */
  readonly at: number;
  /**
   * The ledger's sequence number when it was reserved or settled: orders attempts exactly, even
   * when instances' clocks disagree.
   */
  readonly seq: number;
}

/** The budget state of one account, shared by every proxy instance. */
export interface AccountLedger {
  readonly entries: readonly LedgerEntry[];
  /** Epoch ms until which the authority said the account is locked (AADB2C90114); 0 if not. */
  readonly blockedUntil: number;
  /** Epoch ms: devices made known before this are no longer trusted; 0 if never ended. */
  readonly devicesTrustedFrom: number;
  /** Counts every reservation and settlement (see {@link LedgerEntry.seq}). */
  readonly seq: number;
  readonly expiresAt: number;
}

/** A browser that signed in to the account before (a valid `ropc_device` entry). */
export interface KnownDevice {
  readonly id: string;
  /** Epoch ms of the sign-in that made it known. */
  readonly issuedAt: number;
}

/** Why an attempt was not forwarded. */
export type BudgetRefusalReason =
  /** The anonymous budget is spent: only known devices may try. */
  | 'account_protected'
  /** This known device's budget (and the anonymous one) is spent. */
  | 'device_budget_spent'
  /** The authority locked the account; the proxy waits as long as it said. */
  | 'authority_locked'
  /** The budget is full of attempts still in flight: a slot may free in a moment. */
  | 'attempts_in_flight';

/** A reserved attempt: what settling it needs. */
export interface BudgetSlot {
  readonly account: string;
  readonly id: string;
  /** The ledger's sequence number when the slot was reserved. */
  readonly seq: number;
  readonly device: string | null;
}

export type BudgetReservation =
  | { readonly admitted: true; readonly slot: BudgetSlot }
  | {
      readonly admitted: false;
      readonly reason: BudgetRefusalReason;
      readonly retryAfterSeconds: number;
    };

/** How a forwarded attempt ended. */
export type AttemptOutcome =
  | { readonly kind: 'success' }
  | { readonly kind: 'failure' }
  | { readonly kind: 'uncertain' }
  | { readonly kind: 'locked'; readonly retryAfterSeconds: number };

const EMPTY: AccountLedger = {
  entries: [],
  blockedUntil: 0,
  devicesTrustedFrom: 0,
  seq: 0,
  expiresAt: 0,
};

/** The ledger without the entries that no longer count at `now`. */
export function liveLedger(
  ledger: AccountLedger | undefined,
  settings: FailureBudgetSettings,
  now: number,
): AccountLedger {
  if (!ledger || ledger.expiresAt <= now) return EMPTY;
  const memoryMs = settings.memorySeconds * 1000;
  return { ...ledger, entries: ledger.entries.filter((entry) => entry.at + memoryMs > now) };
}

/** The ledger with its expiry recomputed; undefined when nothing in it matters any more. */
export function sealLedger(
  ledger: AccountLedger,
  settings: FailureBudgetSettings,
  now: number,
): AccountLedger | undefined {
  const memoryMs = settings.memorySeconds * 1000;
  const trustEnd =
    ledger.devicesTrustedFrom > 0
      ? ledger.devicesTrustedFrom + settings.deviceTrustSeconds * 1000
      : 0;
  const expiresAt = Math.max(
    ledger.blockedUntil,
    trustEnd,
    ...ledger.entries.map((entry) => entry.at + memoryMs),
  );
  return expiresAt > now ? { ...ledger, expiresAt } : undefined;
}

/** Seconds until the oldest of `entries` stops counting (a slot frees then). */
function secondsUntilOldestFrees(
  entries: readonly LedgerEntry[],
  settings: FailureBudgetSettings,
  now: number,
): number {
  const oldest = Math.min(...entries.map((entry) => entry.at));
  return Math.max(1, Math.ceil((oldest + settings.memorySeconds * 1000 - now) / 1000));
}

/** Whether `device` may draw on the device budget: known, and known since trust last ended. */
export function isTrusted(
  device: KnownDevice | null,
  ledger: AccountLedger,
): device is KnownDevice {
  return device !== null && device.issuedAt >= ledger.devicesTrustedFrom;
}

/**
 * Which budget an attempt draws on, or why none has room: a trusted device's own budget first
 * (its share and the account's device total), then the anonymous budget.
 */
export function chooseBudget(
  ledger: AccountLedger,
  device: KnownDevice | null,
  settings: FailureBudgetSettings,
  now: number,
):
  | { readonly device: string | null }
  | { readonly reason: BudgetRefusalReason; readonly retryAfterSeconds: number } {
  if (ledger.blockedUntil > now) {
    const retryAfterSeconds = Math.max(1, Math.ceil((ledger.blockedUntil - now) / 1000));
    return { reason: 'authority_locked', retryAfterSeconds };
  }
  const trusted = isTrusted(device, ledger);
  const ofDevices = ledger.entries.filter((entry) => entry.device !== null);
  const ofThisDevice = trusted ? ofDevices.filter((entry) => entry.device === device.id) : [];
  if (
    trusted &&
    ofThisDevice.length < settings.perDevice &&
    ofDevices.length < settings.devicesPerAccount
  )
    return { device: device.id };
  const anonymous = ledger.entries.filter((entry) => entry.device === null);
  if (anonymous.length < settings.anonymous) return { device: null };
  const spent = trusted ? [...anonymous, ...ofThisDevice] : anonymous;
  if (spent.some((entry) => entry.state === 'pending'))
    return { reason: 'attempts_in_flight', retryAfterSeconds: 1 };
  return {
    reason: trusted ? 'device_budget_spent' : 'account_protected',
    retryAfterSeconds: secondsUntilOldestFrees(spent, settings, now),
  };
}

/**
 * The ledger after an attempt ended. A success frees its slot and, as the authority's smart
 * lockout resets its count on a success, forgets the failures settled before the success was
 * sent on the same budget — the anonymous one, or that device's — so an owner's typos stop
 * counting, while an attacker's anonymous guesses keep counting however often the owner signs in
 * from a known device. Failures still in flight when the success was sent, and uncertain ones,
 * which may land at the authority after it, always stay.
 */
export function settleEntry(
  ledger: AccountLedger,
  slot: BudgetSlot,
  outcome: AttemptOutcome,
  now: number,
): AccountLedger {
  const others = ledger.entries.filter((entry) => entry.id !== slot.id);
  const seq = ledger.seq + 1;
  if (outcome.kind === 'success') {
    const entries = others.filter(
      (entry) =>
        !(entry.state === 'failed' && entry.seq < slot.seq && entry.device === slot.device),
    );
    return { ...ledger, entries, seq };
  }
  const state = outcome.kind === 'uncertain' ? 'uncertain' : 'failed';
  const settled: LedgerEntry = { id: slot.id, device: slot.device, state, at: now, seq };
  const blockedUntil =
    outcome.kind === 'locked'
      ? Math.max(ledger.blockedUntil, now + outcome.retryAfterSeconds * 1000)
      : ledger.blockedUntil;
  return { ...ledger, entries: [...others, settled], blockedUntil, seq };
}
