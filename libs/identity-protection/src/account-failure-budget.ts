import {
  chooseBudget,
  liveLedger,
  sealLedger,
  settleEntry,
  type AccountLedger,
  type AttemptOutcome,
  type BudgetReservation,
  type BudgetSlot,
  type KnownDevice,
} from './account-ledger';
import { keepState, writeState, type AtomicStateStore } from './atomic-state-store';
import type { FailureBudgetSettings } from './failure-budget-settings';

/** A random slot id (Web Crypto: present in Node 20 and every browser). */
const newSlotId = (): string => crypto.randomUUID();

/**
 * The failure budgets of accounts, exact under concurrency and across instances: an attempt
 * reserves a slot (in one atomic update, with the check) before it is forwarded, and only a
 * success frees it — so however many attempts arrive at once, no more than the budget can fail
 * at the authority. Failures count for `memorySeconds` from when they happened: no window edge
 * lets a burst through twice.
 */
export class AccountFailureBudget {
  constructor(
    private readonly store: AtomicStateStore<AccountLedger>,
    private readonly settings: FailureBudgetSettings,
    private readonly now: () => number,
  ) {}

  /** Reserves a slot for an attempt on `account` (from `device`, when known), or refuses it. */
  reserve(account: string, device: KnownDevice | null): Promise<BudgetReservation> {
    const id = newSlotId();
    const now = this.now();
    return this.store.update<BudgetReservation>(account, (current) => {
      const ledger = liveLedger(current, this.settings, now);
      const chosen = chooseBudget(ledger, device, this.settings, now);
      if ('reason' in chosen) return keepState({ admitted: false, ...chosen });
      const seq = ledger.seq + 1;
      const entry = { id, device: chosen.device, state: 'pending' as const, at: now, seq };
      const next = sealLedger(
        { ...ledger, seq, entries: [...ledger.entries, entry] },
        this.settings,
        now,
      );
      const slot: BudgetSlot = { account, id, seq, device: chosen.device };
      return writeState(next, { admitted: true, slot });
    });
  }

  /** Records how a reserved attempt ended (see `settleEntry`). */
  async settle(slot: BudgetSlot, outcome: AttemptOutcome): Promise<void> {
    const now = this.now();
    await this.store.update(slot.account, (current) => {
      const ledger = settleEntry(liveLedger(current, this.settings, now), slot, outcome, now);
      return writeState(sealLedger(ledger, this.settings, now), undefined);
    });
  }

  /**
   * Ends trust in every device known for `account` until now (a password reset, a revocation of
   * the user's sessions): their attempts draw on the anonymous budget from then on.
   */
  async endDeviceTrust(account: string): Promise<void> {
    const now = this.now();
    await this.store.update(account, (current) => {
      const ledger = { ...liveLedger(current, this.settings, now), devicesTrustedFrom: now };
      return writeState(sealLedger(ledger, this.settings, now), undefined);
    });
  }
}
