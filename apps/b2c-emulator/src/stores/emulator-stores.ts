import type { ListableRateCounterStore } from '@ropc/identity-protection';
import type { FlowStateStore } from '../flows/flow-state-store';
import type { SigningKeyStore } from '../keys/signing-key-store';
import type { OutboxStore } from '../outbox/outbox-store';
import type { LockoutStore } from './lockout-store';
import type { RefreshGrantStore } from './refresh-grant-store';
import type { UserStore } from './user-store';

/**
 * The stores an emulator keeps its state in: all in process memory (one instance), or all in
 * Azure Table storage (any number of instances sharing one tenant).
 */
export interface EmulatorStores {
  /**
   * A tenant's users. `adoptLegacy`: the first B2C tenant takes over the users a store kept before
   * tenants had their own partitions (Table storage; a no-op in memory).
   */
  users(tenantId: string, adoptLegacy: boolean): Promise<UserStore>;
  /** A tenant's signing keys; `adoptLegacy` takes over the keys kept before tenants had their own. */
  signingKeys(tenantId: string, adoptLegacy: boolean): SigningKeyStore;
  /** Refresh grants, lockouts and rate counts of every tenant, keyed by tenant id in its views. */
  readonly grants: RefreshGrantStore;
  readonly lockouts: LockoutStore;
  /** Listable, with their keys, for the admin API's protection view. */
  readonly rates: ListableRateCounterStore;
  /** Native-authentication flows behind their continuation tokens. */
  readonly flows: FlowStateStore;
  /** Where one-time codes go instead of e-mail. */
  readonly outbox: OutboxStore;
  /** Keys smart-lockout password fingerprints; shared by every instance that shares the state. */
  readonly fingerprintKey: Buffer;
  /** Keys one-time codes' hashes (`flows/one-time-code.ts`); shared like the fingerprint key. */
  readonly oneTimeCodeKey: Buffer;
  /** Where the state lives, for log lines: never a secret. */
  readonly description: string;
}
