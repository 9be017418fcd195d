import {
  MemoryRateCounterStore,
  MemoryStateStore,
  type AccountLedger,
  type AtomicStateStore,
  type RateCounterStore,
} from '@ropc/identity-protection';
import { TableRateCounterStore, TableStateStore, TableStorage } from '@ropc/table-storage';
import type { StorageSettings } from '../config';
import { MemoryNoteStore } from '../notes/memory-note-store';
import type { NoteStore } from '../notes/note-store';
import { TableNoteStore } from '../notes/table-note-store';
import type { EndedSessionStore } from '../proxy/ended-session-store';
import { MemoryEndedSessionStore } from '../proxy/memory-ended-session-store';
import { TableEndedSessionStore } from '../proxy/table-ended-session-store';

/** The API's tables (names are per account, so they carry the app's name). */
export const API_TABLES = {
  notes: 'apinotes',
  endedSessions: 'apiendedsessions',
  rateCounters: 'apiratecounters',
  accountBudgets: 'apiaccountbudgets',
} as const;

/**
 * Everything the API remembers between requests. In memory it belongs to one instance; on Table
 * storage every instance of a scaled-out app shares it.
 */
export interface ApiState {
  readonly notes: NoteStore;
  /** The sign-in proxy's throttle counters. */
  readonly counters: RateCounterStore;
  readonly endedSessions: EndedSessionStore;
  /** The sign-in proxy's per-account failure budgets. */
  readonly budgets: AtomicStateStore<AccountLedger>;
  /** Where the state lives, for the start log: an endpoint, never a key. */
  readonly description: string;
}

/** The state on `storage`, or in this instance's memory when no storage is configured. */
export function createApiState(storage: StorageSettings | undefined): ApiState {
  return storage === undefined ? memoryApiState() : tableApiState(storage);
}

function memoryApiState(): ApiState {
  return {
    notes: new MemoryNoteStore(),
    counters: new MemoryRateCounterStore(),
    endedSessions: new MemoryEndedSessionStore(),
    budgets: new MemoryStateStore<AccountLedger>(),
    description: 'in memory (this instance only)',
  };
}

function tableApiState({ connectionString, timeoutMs }: StorageSettings): ApiState {
  const storage = new TableStorage(connectionString, { timeoutMs });
  return {
    notes: new TableNoteStore(storage.table(API_TABLES.notes)),
    counters: new TableRateCounterStore(storage.table(API_TABLES.rateCounters)),
    endedSessions: new TableEndedSessionStore(storage.table(API_TABLES.endedSessions)),
    budgets: new TableStateStore<AccountLedger>(
      storage.table(API_TABLES.accountBudgets),
      'update an account failure budget',
    ),
    description: `on Azure Table storage at ${storage.describe()}`,
  };
}
