import {
  CONFLICT,
  deleteExpiredRows,
  done,
  epochMs,
  retryOnConflict,
  type Attempt,
  type StorageTable,
  type StoredRow,
} from '@ropc/table-storage';
import {
  flowRetainedUntil,
  flowState,
  issueTimes,
  readFlowRecord,
  standsAt,
  type FlowRecord,
} from './flow-record';
import { changeFlow, serialiseFlow } from './flow-state-limits';
import { openFlowState, sealFlowState } from './flow-state-seal';
import type {
  FlowAdvance,
  FlowData,
  FlowDecision,
  FlowPosition,
  FlowRead,
  FlowState,
  FlowStateStore,
  FlowTokenFailure,
  FlowUpdate,
  FoundFlow,
  IssuedFlowToken,
  NewFlow,
} from './flow-state-store';
import { flowTokenHash, newFlowToken } from './flow-token';

/** Row key of the one row in each token's partition (the token's SHA-256). */
const FLOW_ROW_KEY = 'flow';

/** A token's row. `expiresAt` is when the cleanup may delete it: the token's expiry + retention. */
interface FlowRow {
  /** The flow's JSON sealed under the token (`flow-state-seal.ts`); absent once spent. */
  readonly sealed?: string;
  readonly issuedAt: number;
  readonly tokenExpiresAt: number;
  readonly spentAt?: number;
  readonly expiresAt: number;
}

/** A live token as presented, with the row it was read from. */
interface Found extends FoundFlow {
  readonly token: string;
  readonly hash: string;
  readonly row: StoredRow<FlowRow>;
}

/**
 * Flow states in a table: a partition per token hash, so that a lookup is a point read. Every
 * change is conditional on the entity tag read: a step that moves the flow on writes the next
 * token's row first and then spends this one, so when two instances advance one token at once,
 * exactly one spends it and the other — retrying — reads it spent (and deletes the row it wrote,
 * which nobody can reach). A crash between the two writes leaves such an unreachable row, swept
 * with the others, never a spent token without its successor.
 */
export class TableFlowStateStore implements FlowStateStore {
  constructor(
    private readonly table: StorageTable,
    private readonly now: () => number,
  ) {}

  async start(flow: NewFlow): Promise<IssuedFlowToken> {
    return (await this.issue(serialiseFlow(flow))).issued;
  }

  async read(token: string): Promise<FlowRead> {
    const found = await this.lookup(token);
    return found.outcome === 'found' ? { outcome: 'found', state: found.state } : found;
  }

  advance<R>(
    token: string,
    expected: FlowPosition,
    decide: (state: FlowState) => FlowDecision<R>,
  ): Promise<FlowAdvance<R>> {
    return retryOnConflict<FlowAdvance<R>>('advance a flow', async () => {
      const found = await this.lookup(token);
      if (found.outcome !== 'found') return done(found);
      const state = found.state;
      if (!standsAt(state, expected)) return done({ outcome: 'wrong_step', state });
      const decision = decide(state);
      switch (decision.action) {
        case 'next':
          return this.next(found, changeFlow(state, decision.data, decision.step), decision.result);
        case 'end': {
          const spent = await this.spend(found);
          return spent ? done({ outcome: 'ended', state, result: decision.result }) : CONFLICT;
        }
        case 'stay': {
          if (!decision.data) return done({ outcome: 'stayed', state, result: decision.result });
          const stayed = await this.replaceData(found, decision.data);
          return stayed
            ? done({ outcome: 'stayed', state: stayed, result: decision.result })
            : CONFLICT;
        }
      }
    });
  }

  update(token: string, change: (state: FlowState) => FlowData | undefined): Promise<FlowUpdate> {
    return retryOnConflict<FlowUpdate>('update a flow', async () => {
      const found = await this.lookup(token);
      if (found.outcome !== 'found') return done(found);
      const data = change(found.state);
      if (!data) return done({ outcome: 'updated', state: found.state });
      const state = await this.replaceData(found, data);
      return state ? done({ outcome: 'updated', state }) : CONFLICT;
    });
  }

  deleteExpired(now: number): Promise<number> {
    return deleteExpiredRows(this.table, now);
  }

  clear(): Promise<void> {
    return this.table.clear();
  }

  /** The live state behind `token` and its row, or why there is none. */
  private async lookup(token: string): Promise<Found | FlowTokenFailure> {
    const hash = flowTokenHash(token);
    if (hash === undefined) return { outcome: 'unknown' };
    const row = await this.table.get<FlowRow>(hash, FLOW_ROW_KEY);
    if (!row) return { outcome: 'unknown' };
    const read = readFlowRecord(recordOf(token, row), this.now());
    return read.outcome === 'found' ? { ...read, token, hash, row } : read;
  }

  private async issue(flow: string): Promise<{ issued: IssuedFlowToken; hash: string }> {
    const { token, hash } = newFlowToken();
    const times = issueTimes(this.now());
    const created = await this.table.create({
      partitionKey: hash,
      rowKey: FLOW_ROW_KEY,
      sealed: sealFlowState(token, hash, flow),
      issuedAt: epochMs(times.issuedAt),
      tokenExpiresAt: epochMs(times.tokenExpiresAt),
      expiresAt: epochMs(flowRetainedUntil(times)),
    });
    // 256-bit random tokens: a collision is a bug, not a race.
    if (!created.ok) throw new Error('a flow token row already exists');
    return { issued: { token, state: flowState(flow, times) }, hash };
  }

  /** The next token first, then this one spent; on a lost race the next one is withdrawn. */
  private async next<R>(found: Found, flow: string, result: R): Promise<Attempt<FlowAdvance<R>>> {
    const { issued, hash } = await this.issue(flow);
    if (await this.spend(found)) {
      return done({ outcome: 'advanced', ...issued, result });
    }
    await this.table.delete(hash, FLOW_ROW_KEY);
    return CONFLICT;
  }

  /** Keeps the times and drops the sealed flow, if the row is still as read. */
  private async spend({ hash, row }: Found): Promise<boolean> {
    const spent = await this.table.replace(
      {
        partitionKey: hash,
        rowKey: FLOW_ROW_KEY,
        issuedAt: epochMs(row.issuedAt),
        tokenExpiresAt: epochMs(row.tokenExpiresAt),
        spentAt: epochMs(this.now()),
        expiresAt: epochMs(row.expiresAt),
      },
      row.etag,
    );
    return spent.ok;
  }

  /** The state with `data`, written over the row if it is still as read; undefined otherwise. */
  private async replaceData(found: Found, data: FlowData): Promise<FlowState | undefined> {
    const flow = changeFlow(found.state, data);
    const row = found.row;
    const replaced = await this.table.replace(
      {
        partitionKey: found.hash,
        rowKey: FLOW_ROW_KEY,
        sealed: sealFlowState(found.token, found.hash, flow),
        issuedAt: epochMs(row.issuedAt),
        tokenExpiresAt: epochMs(row.tokenExpiresAt),
        expiresAt: epochMs(row.expiresAt),
      },
      row.etag,
    );
    return replaced.ok ? flowState(flow, row) : undefined;
  }
}

/** The record a row holds for `token`; a row that does not open with it holds no flow. */
function recordOf(token: string, row: StoredRow<FlowRow>): FlowRecord {
  return {
    flow: row.sealed === undefined ? undefined : openFlowState(token, row.partitionKey, row.sealed),
    issuedAt: row.issuedAt,
    tokenExpiresAt: row.tokenExpiresAt,
    ...(row.spentAt === undefined ? {} : { spentAt: row.spentAt }),
  };
}
