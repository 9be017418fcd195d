import { MemoryRateCounterStore, MemoryStateStore } from '@ropc/identity-protection';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { EmulatorConfig } from '../config';
import { MemoryFlowStateStore } from '../flows/memory-flow-state-store';
import { FileSigningKeyStore } from '../keys/file-signing-key-store';
import { MemoryOutboxStore } from '../outbox/memory-outbox-store';
import type { EmulatorStores } from './emulator-stores';
import type { LockoutState } from './lockout-store';
import { MemoryRefreshGrantStore } from './memory-refresh-grant-store';
import { MemoryUserStore } from './memory-user-store';

/** In-memory stores for one instance, with signing keys in the data directory. */
export function createMemoryStores(config: EmulatorConfig, clock: Clock): EmulatorStores {
  return {
    users: () => Promise.resolve(new MemoryUserStore()),
    signingKeys: (tenantId, adoptLegacy) =>
      new FileSigningKeyStore(config.dataDir, tenantId, clock, adoptLegacy),
    grants: new MemoryRefreshGrantStore(),
    lockouts: new MemoryStateStore<LockoutState>(() => clock.now()),
    rates: new MemoryRateCounterStore(),
    flows: new MemoryFlowStateStore(() => clock.now()),
    outbox: new MemoryOutboxStore(() => clock.now()),
    // Nothing else counts failures, so a key per process is enough and never leaves it.
    fingerprintKey: randomBytes(32),
    // Codes live in this process's flows only, so neither does this key need to leave it.
    oneTimeCodeKey: randomBytes(32),
    description: `in memory (signing keys in ${config.dataDir})`,
  };
}
