/**
 * @ropc/identity-protection: who is asking — the client IP behind trusted proxies, its bucket and
 * the normalised username — and the limits decided from it the same way by the sign-in proxy and
 * the emulator: fixed-window rate limits, per-account failure budgets that are exact under
 * concurrency, and the atomic per-key state they live in. Platform-neutral.
 */
export { clientIpFromForwardedFor, normaliseIpAddress } from './client-ip';
export { clientBucket } from './client-bucket';
export { normaliseUsername } from './normalise-username';
export {
  windowStart,
  type KeyedRateWindow,
  type ListableRateCounterStore,
  type RateCounterStore,
  type RateWindow,
} from './rate-counter-store';
export { MemoryRateCounterStore } from './memory-rate-counter-store';
export { FixedWindowLimiter, type LimitCheck, type RateLimit } from './fixed-window-limiter';
export {
  keepState,
  writeState,
  type AtomicStateStore,
  type ExpiringState,
  type KeyedState,
  type ListableStateStore,
  type StateDecision,
} from './atomic-state-store';
export { MemoryStateStore } from './memory-state-store';
export {
  AUTHORITY_THRESHOLD_MARGIN,
  DEFAULT_FAILURE_BUDGET,
  failureBudgetProblems,
  type FailureBudgetSettings,
} from './failure-budget-settings';
export {
  type AccountLedger,
  type AttemptOutcome,
  type BudgetRefusalReason,
  type BudgetReservation,
  type BudgetSlot,
  type KnownDevice,
  type LedgerEntry,
} from './account-ledger';
export { AccountFailureBudget } from './account-failure-budget';
