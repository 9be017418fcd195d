import type { RateCounterStore } from '@ropc/identity-protection';
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
  readonly users: UserStore;
  readonly grants: RefreshGrantStore;
  readonly lockouts: LockoutStore;
  readonly rates: RateCounterStore;
  readonly keys: SigningKeyStore;
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
