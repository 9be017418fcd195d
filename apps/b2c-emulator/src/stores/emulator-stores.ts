import type { RateCounterStore } from '@ropc/identity-protection';
import type { SigningKeyStore } from '../keys/signing-key-store';
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
  /** Keys smart-lockout password fingerprints; shared by every instance that shares the state. */
  readonly fingerprintKey: Buffer;
  /** Where the state lives, for log lines: never a secret. */
  readonly description: string;
}
