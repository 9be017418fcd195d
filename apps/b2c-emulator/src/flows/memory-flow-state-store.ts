import {
  flowRetainedUntil,
  flowState,
  issueTimes,
  readFlowRecord,
  standsAt,
  type FlowRecord,
} from './flow-record';
import { changeFlow, serialiseFlow } from './flow-state-limits';
import type {
  FoundFlow,
  FlowAdvance,
  FlowData,
  FlowDecision,
  FlowPosition,
  FlowRead,
  FlowState,
  FlowStateStore,
  FlowTokenFailure,
  FlowUpdate,
  IssuedFlowToken,
  NewFlow,
} from './flow-state-store';
import { flowTokenHash, newFlowToken } from './flow-token';

/**
 * Past this many tokens, the oldest forgotten ones are swept at once rather than at the next
 * cleanup run. Tokens are remembered for their lifetime plus an hour (`flow-record.ts`), so memory
 * follows the rate of starts over that time; the sweep only keeps that bound without waiting for
 * the timer, and stops at the first token still remembered, so it costs nothing in a burst.
 */
const SWEEP_AT_SIZE = 10_000;

/**
 * Flow states in process memory, keyed by token hash. Single-threaded: each step reads, decides
 * and writes without yielding, so every change is atomic.
 */
export class MemoryFlowStateStore implements FlowStateStore {
  private readonly records = new Map<string, FlowRecord>();

  constructor(private readonly now: () => number) {}

  start(flow: NewFlow): Promise<IssuedFlowToken> {
    return settled(() => this.issue(serialiseFlow(flow)));
  }

  read(token: string): Promise<FlowRead> {
    return settled(() => {
      const found = this.lookup(token);
      return found.outcome === 'found' ? { outcome: 'found', state: found.state } : found;
    });
  }

  advance<R>(
    token: string,
    expected: FlowPosition,
    decide: (state: FlowState) => FlowDecision<R>,
  ): Promise<FlowAdvance<R>> {
    return settled((): FlowAdvance<R> => {
      const found = this.lookup(token);
      if (found.outcome !== 'found') return found;
      const { hash, state } = found;
      if (!standsAt(state, expected)) return { outcome: 'wrong_step', state };
      const decision = decide(state);
      switch (decision.action) {
        case 'next': {
          const issued = this.issue(changeFlow(state, decision.data, decision.step));
          this.spend(hash);
          return { outcome: 'advanced', ...issued, result: decision.result };
        }
        case 'end':
          this.spend(hash);
          return { outcome: 'ended', state, result: decision.result };
        case 'stay': {
          const stayed = decision.data ? this.replaceData(hash, state, decision.data) : state;
          return { outcome: 'stayed', state: stayed, result: decision.result };
        }
      }
    });
  }

  update(token: string, change: (state: FlowState) => FlowData | undefined): Promise<FlowUpdate> {
    return settled((): FlowUpdate => {
      const found = this.lookup(token);
      if (found.outcome !== 'found') return found;
      const data = change(found.state);
      const state = data ? this.replaceData(found.hash, found.state, data) : found.state;
      return { outcome: 'updated', state };
    });
  }

  deleteExpired(now: number): Promise<number> {
    return Promise.resolve(this.sweep(now));
  }

  clear(): Promise<void> {
    this.records.clear();
    return Promise.resolve();
  }

  /** The live state behind `token` and the key it is filed under, or why there is none. */
  private lookup(token: string): FlowTokenFailure | (FoundFlow & { readonly hash: string }) {
    const hash = flowTokenHash(token);
    if (hash === undefined) return { outcome: 'unknown' };
    const read = readFlowRecord(this.records.get(hash), this.now());
    return read.outcome === 'found' ? { ...read, hash } : read;
  }

  private issue(flow: string): IssuedFlowToken {
    const { token, hash } = newFlowToken();
    const record: FlowRecord = { flow, ...issueTimes(this.now()) };
    this.records.set(hash, record);
    if (this.records.size > SWEEP_AT_SIZE) this.sweepOldest(this.now());
    return { token, state: flowState(flow, record) };
  }

  /** Keeps the times and drops the flow: a spent token needs no data. */
  private spend(hash: string): void {
    const record = this.records.get(hash);
    if (!record) return;
    const { issuedAt, tokenExpiresAt } = record;
    this.records.set(hash, { flow: undefined, issuedAt, tokenExpiresAt, spentAt: this.now() });
  }

  private replaceData(hash: string, state: FlowState, data: FlowData): FlowState {
    const flow = changeFlow(state, data);
    const record: FlowRecord = { flow, issuedAt: state.issuedAt, tokenExpiresAt: state.expiresAt };
    this.records.set(hash, record);
    return flowState(flow, record);
  }

  /**
   * Deletes forgotten tokens from the oldest on, stopping at the first one still remembered: the
   * map keeps issue order (a change re-sets a key in place), so the rest are younger.
   */
  private sweepOldest(now: number): void {
    for (const [hash, record] of this.records) {
      if (flowRetainedUntil(record) > now) return;
      this.records.delete(hash);
    }
  }

  private sweep(now: number): number {
    let deleted = 0;
    for (const [hash, record] of this.records) {
      if (flowRetainedUntil(record) > now) continue;
      this.records.delete(hash);
      deleted++;
    }
    return deleted;
  }
}

/**
 * Runs `compute` at once — read, decide and write with no await between them — and answers its
 * value or its exception as a promise, as the table store does.
 */
function settled<T>(compute: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(compute());
  });
}
