import { createHash, randomBytes } from 'node:crypto';
import { FLOW_RETENTION_MS, FLOW_TOKEN_LIFETIME_MS } from '../../src/flows/flow-state-store';
import type {
  FlowData,
  FlowDecision,
  FlowState,
  FlowStateStore,
  NewFlow,
} from '../../src/flows/flow-state-store';
import { MemoryFlowStateStore } from '../../src/flows/memory-flow-state-store';
import { TableFlowStateStore } from '../../src/flows/table-flow-state-store';
import { sameStore, twoInstances, useAzuriteTables } from '../stores/azurite-tables';

const freshTable = useAzuriteTables();

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
const CLIENT_ID = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
const ALICE_ID = '26926d34-dad3-45bb-8bff-84a5f01522d9';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function signIn(overrides: Partial<NewFlow> = {}): NewFlow {
  return {
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    user: { kind: 'existing', userId: ALICE_ID },
    flow: 'sign-in',
    step: 'initiated',
    data: { challengeTypes: ['password', 'oob', 'redirect'] },
    ...overrides,
  };
}

const SIGN_UP: NewFlow = {
  tenantId: TENANT_ID,
  clientId: CLIENT_ID,
  user: { kind: 'new', username: 'dana@contoso.com' },
  flow: 'sign-up',
  step: 'started',
  data: { attributes: { displayName: 'Dana' }, nested: [1, 'two', { three: true, four: null }] },
};

const AT_INITIATED = { flow: 'sign-in', step: 'initiated' } as const;

/** A decision moving the flow on to `step` with `data`. */
function next(step: string, data: FlowData = {}): () => FlowDecision<string> {
  return () => ({ action: 'next', step, data, result: `to ${step}` });
}

/** A token of the right shape that no store issued. */
function strangerToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A store, a second handle on the same state (another instance, for the table), their clock. */
interface Subject {
  readonly store: FlowStateStore;
  readonly twin: FlowStateStore;
  readonly clock: { now: number };
}

describe.each([
  [
    'memory',
    (): Subject => {
      const clock = { now: T0 };
      const [store, twin] = sameStore(new MemoryFlowStateStore(() => clock.now));
      return { store, twin, clock };
    },
  ],
  [
    'table',
    (): Subject => {
      const clock = { now: T0 };
      const [store, twin] = twoInstances(
        freshTable('flows'),
        (table) => new TableFlowStateStore(table, () => clock.now),
      );
      return { store, twin, clock };
    },
  ],
])('FlowStateStore contract: %s', (_name, createSubject) => {
  let store: FlowStateStore;
  let twin: FlowStateStore;
  let clock: { now: number };

  beforeEach(() => {
    ({ store, twin, clock } = createSubject());
  });

  it('starts a flow behind a new opaque token valid for 600 s, readable by any instance', async () => {
    const { token, state } = await store.start(signIn());
    expect(token).toMatch(TOKEN_SHAPE);
    const expected: FlowState = { ...signIn(), issuedAt: T0, expiresAt: T0 + 600_000 };
    expect(state).toEqual(expected);
    expect(await twin.read(token)).toEqual({ outcome: 'found', state: expected });
    expect(FLOW_TOKEN_LIFETIME_MS).toBe(600_000);
    const other = await store.start(signIn());
    expect(other.token).not.toBe(token);
  });

  it('keeps a sign-up for a new user with its JSON data as it was given', async () => {
    const { token } = await store.start(SIGN_UP);
    const read = await twin.read(token);
    expect(read).toEqual({
      outcome: 'found',
      state: { ...SIGN_UP, issuedAt: T0, expiresAt: T0 + 600_000 },
    });
  });

  it('answers unknown for a token it never issued, and for strings that cannot be tokens', async () => {
    for (const token of [strangerToken(), '', 'abc', 'x'.repeat(100_000), `${strangerToken()}=`]) {
      expect(await store.read(token)).toEqual({ outcome: 'unknown' });
      expect(await store.update(token, () => ({}))).toEqual({ outcome: 'unknown' });
      expect(await store.advance(token, AT_INITIATED, next('password'))).toEqual({
        outcome: 'unknown',
      });
    }
  });

  it('answers expired from the 600th second on, and unknown once the retention is over', async () => {
    const { token } = await store.start(signIn());
    clock.now = T0 + 599_999;
    expect((await store.read(token)).outcome).toBe('found');
    clock.now = T0 + 600_000;
    expect(await store.read(token)).toEqual({ outcome: 'expired' });
    expect(await store.advance(token, AT_INITIATED, next('password'))).toEqual({
      outcome: 'expired',
    });
    expect(await twin.update(token, () => ({ changed: true }))).toEqual({ outcome: 'expired' });
    clock.now = T0 + 600_000 + FLOW_RETENTION_MS;
    expect(await store.read(token)).toEqual({ outcome: 'unknown' });
  });

  it('advances: spends the token and issues the next one, 600 s from now', async () => {
    const { token } = await store.start(signIn());
    clock.now = T0 + 30_000;
    const advanced = await twin.advance(token, AT_INITIATED, next('password', { method: 'pw' }));
    if (advanced.outcome !== 'advanced') throw new Error(`not advanced: ${advanced.outcome}`);
    expect(advanced.token).toMatch(TOKEN_SHAPE);
    expect(advanced.token).not.toBe(token);
    expect(advanced.result).toBe('to password');
    const expected: FlowState = {
      ...signIn({ step: 'password', data: { method: 'pw' } }),
      issuedAt: T0 + 30_000,
      expiresAt: T0 + 630_000,
    };
    expect(advanced.state).toEqual(expected);
    expect(await store.read(advanced.token)).toEqual({ outcome: 'found', state: expected });
    expect(await store.read(token)).toEqual({ outcome: 'spent' });
    expect(await store.advance(token, AT_INITIATED, next('password'))).toEqual({
      outcome: 'spent',
    });
    expect(await store.update(token, () => ({}))).toEqual({ outcome: 'spent' });
  });

  it('leaves the token usable when a step stays (a failure, a resend, a poll)', async () => {
    const { token, state } = await store.start(signIn({ step: 'password' }));
    const at = { flow: 'sign-in', step: 'password' } as const;
    for (let attempt = 0; attempt < 3; attempt++) {
      const stayed = await store.advance(token, at, () => ({ action: 'stay', result: 'wrong' }));
      expect(stayed).toEqual({ outcome: 'stayed', state, result: 'wrong' });
    }
    const ended = await twin.advance(token, at, () => ({ action: 'end', result: 'tokens' }));
    expect(ended).toEqual({ outcome: 'ended', state, result: 'tokens' });
    expect(await store.read(token)).toEqual({ outcome: 'spent' });
    expect(await store.advance(token, at, () => ({ action: 'end', result: 'again' }))).toEqual({
      outcome: 'spent',
    });
  });

  it('changes data in place when a step stays with data, keeping the token and its lifetime', async () => {
    const { token } = await store.start(signIn({ step: 'code', data: { wrongTries: 0 } }));
    const at = { flow: 'sign-in', step: 'code' } as const;
    clock.now = T0 + 100_000;
    const stayed = await store.advance(token, at, (state) => ({
      action: 'stay',
      data: { wrongTries: Number(state.data['wrongTries']) + 1 },
      result: 'counted',
    }));
    const expected: FlowState = {
      ...signIn({ step: 'code', data: { wrongTries: 1 } }),
      issuedAt: T0,
      expiresAt: T0 + 600_000,
    };
    expect(stayed).toEqual({ outcome: 'stayed', state: expected, result: 'counted' });
    expect(await twin.read(token)).toEqual({ outcome: 'found', state: expected });
  });

  it('refuses a token standing at another step or in another flow, and leaves it usable', async () => {
    const { token, state } = await store.start(signIn());
    const decide = jest.fn(next('password'));
    expect(await store.advance(token, { flow: 'sign-in', step: 'password' }, decide)).toEqual({
      outcome: 'wrong_step',
      state,
    });
    expect(await store.advance(token, { flow: 'sign-up', step: 'initiated' }, decide)).toEqual({
      outcome: 'wrong_step',
      state,
    });
    expect(decide).not.toHaveBeenCalled();
    expect((await store.advance(token, AT_INITIATED, decide)).outcome).toBe('advanced');
  });

  it('updates data in place without a new token or a longer life, or keeps it as it is', async () => {
    const { token } = await store.start(signIn({ data: { sends: 1 } }));
    clock.now = T0 + 500_000;
    const updated = await twin.update(token, (state) => ({
      sends: Number(state.data['sends']) + 1,
    }));
    const expected: FlowState = {
      ...signIn({ data: { sends: 2 } }),
      issuedAt: T0,
      expiresAt: T0 + 600_000,
    };
    expect(updated).toEqual({ outcome: 'updated', state: expected });
    expect(await store.update(token, () => undefined)).toEqual({
      outcome: 'updated',
      state: expected,
    });
    expect(await store.read(token)).toEqual({ outcome: 'found', state: expected });
  });

  it('lets exactly one of two concurrent advances with one token win', async () => {
    const { token } = await store.start(signIn());
    const outcomes = await Promise.all([
      store.advance(token, AT_INITIATED, next('password', { by: 'first' })),
      twin.advance(token, AT_INITIATED, next('password', { by: 'second' })),
    ]);
    const winners = outcomes.filter((outcome) => outcome.outcome === 'advanced');
    const losers = outcomes.filter((outcome) => outcome.outcome === 'spent');
    expect([winners.length, losers.length]).toEqual([1, 1]);
    const winner = winners[0];
    if (winner?.outcome !== 'advanced') throw new Error('no winner');
    expect(await store.read(winner.token)).toEqual({ outcome: 'found', state: winner.state });
    expect(await store.read(token)).toEqual({ outcome: 'spent' });
  });

  it('loses no change when updates race on one token', async () => {
    const { token } = await store.start(signIn({ data: { count: 0 } }));
    const increment = (state: FlowState): FlowData => ({ count: Number(state.data['count']) + 1 });
    await Promise.all(
      Array.from({ length: 8 }, (_, index) => (index % 2 ? twin : store).update(token, increment)),
    );
    const read = await store.read(token);
    expect(read.outcome === 'found' && read.state.data).toEqual({ count: 8 });
  });

  it('refuses flows outside the limits with a TypeError, and a refused step spends nothing', async () => {
    const huge = { blob: 'x'.repeat(16_384) };
    await expect(store.start(signIn({ data: huge }))).rejects.toThrow(TypeError);
    await expect(store.start(signIn({ step: 'Not a step' }))).rejects.toThrow(TypeError);
    await expect(
      store.start({ ...SIGN_UP, user: { kind: 'new', username: 'Dana@Contoso.com' } }),
    ).rejects.toThrow(TypeError);
    await expect(
      store.start(signIn({ data: { when: new Date(T0) } as unknown as FlowData })),
    ).rejects.toThrow(TypeError);
    const { token, state } = await store.start(signIn());
    await expect(store.advance(token, AT_INITIATED, next('password', huge))).rejects.toThrow(
      TypeError,
    );
    await expect(store.update(token, () => huge)).rejects.toThrow(TypeError);
    expect(await store.read(token)).toEqual({ outcome: 'found', state });
  });

  it('forgets tokens once their retention is over, spent or not', async () => {
    const first = await store.start(signIn());
    await store.advance(first.token, AT_INITIATED, next('password'));
    clock.now = T0 + 120_000;
    const later = await store.start(signIn());
    const firstGone = T0 + FLOW_TOKEN_LIFETIME_MS + FLOW_RETENTION_MS;
    expect(await store.deleteExpired(firstGone - 1)).toBe(0);
    // The first token and the one it was spent for were both issued at T0.
    expect(await twin.deleteExpired(firstGone)).toBe(2);
    expect(await store.deleteExpired(firstGone + 120_000)).toBe(1);
    clock.now = T0;
    expect(await store.read(first.token)).toEqual({ outcome: 'unknown' });
    expect(await store.read(later.token)).toEqual({ outcome: 'unknown' });
  });

  it('forgets every flow on clear', async () => {
    const { token } = await store.start(signIn());
    await twin.clear();
    expect(await store.read(token)).toEqual({ outcome: 'unknown' });
  });
});

describe('TableFlowStateStore rows', () => {
  function sha256(text: string): string {
    return createHash('sha256').update(text).digest('base64url');
  }

  it('are filed under the token SHA-256 and hold neither the token nor the flow in clear', async () => {
    const table = freshTable('flowrows');
    const store = new TableFlowStateStore(table, () => T0);
    const { token } = await store.start(SIGN_UP);
    const rows = await table.list<Record<string, unknown>>();
    expect(rows.map((row) => [row.partitionKey, row.rowKey])).toEqual([[sha256(token), 'flow']]);
    const stored = JSON.stringify(rows);
    for (const secret of [token, 'dana@contoso.com', 'Dana', TENANT_ID, 'sign-up']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('keep only the times of a spent token, and none of the racing loser', async () => {
    const table = freshTable('flowrace');
    const [store, twin] = twoInstances(
      table,
      (shared) => new TableFlowStateStore(shared, () => T0),
    );
    const { token } = await store.start(signIn());
    const outcomes = await Promise.all([
      store.advance(token, AT_INITIATED, next('password')),
      twin.advance(token, AT_INITIATED, next('password')),
    ]);
    const winner = outcomes.find((outcome) => outcome.outcome === 'advanced');
    if (winner?.outcome !== 'advanced') throw new Error('no winner');
    const rows = await table.list<Record<string, unknown>>();
    expect(rows.map((row) => row.partitionKey).sort()).toEqual(
      [sha256(token), sha256(winner.token)].sort(),
    );
    const spent = rows.find((row) => row.partitionKey === sha256(token));
    expect(spent?.['sealed']).toBeUndefined();
    expect(spent?.['spentAt']).toBe(T0);
  });
});
