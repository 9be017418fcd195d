import { AccountFailureBudget } from './account-failure-budget';
import type { AccountLedger, BudgetReservation, BudgetSlot } from './account-ledger';
import { DEFAULT_FAILURE_BUDGET, failureBudgetProblems } from './failure-budget-settings';
import { MemoryStateStore } from './memory-state-store';

const ALICE = 'http://localhost:7072/contoso.onmicrosoft.com/B2C_1_ROPC_Auth|alice@contoso.com';
const T0 = Date.UTC(2026, 11, 7, 12, 0, 0);
const DAY_MS = 86_400_000;

describe('AccountFailureBudget', () => {
  let now: number;
  let budget: AccountFailureBudget;

  beforeEach(() => {
    now = T0;
    budget = new AccountFailureBudget(
      new MemoryStateStore<AccountLedger>(() => now),
      DEFAULT_FAILURE_BUDGET,
      () => now,
    );
  });

  const slotOf = (reservation: BudgetReservation): BudgetSlot => {
    if (!reservation.admitted) throw new Error(`refused: ${reservation.reason}`);
    return reservation.slot;
  };
  const fail = async (device: { id: string; issuedAt: number } | null = null) => {
    const reservation = await budget.reserve(ALICE, device);
    if (reservation.admitted) await budget.settle(reservation.slot, { kind: 'failure' });
    return reservation.admitted;
  };

  it('admits exactly the anonymous budget of 40 concurrent attempts; the rest wait for those in flight, then for the memory', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => budget.reserve(ALICE, null)),
    );
    const admitted = answers.flatMap((answer) => (answer.admitted ? [answer.slot] : []));
    expect(admitted).toHaveLength(4);
    expect(answers.find((answer) => !answer.admitted)).toEqual({
      admitted: false,
      reason: 'attempts_in_flight',
      retryAfterSeconds: 1,
    });
    for (const slot of admitted) await budget.settle(slot, { kind: 'failure' });
    expect(await budget.reserve(ALICE, null)).toEqual({
      admitted: false,
      reason: 'account_protected',
      retryAfterSeconds: 86_400,
    });
  });

  it('keeps the device budget for known devices while the anonymous one is spent', async () => {
    for (let index = 0; index < 4; index++) expect(await fail()).toBe(true);
    expect(await budget.reserve(ALICE, null)).toMatchObject({ reason: 'account_protected' });
    const phone = { id: 'phone', issuedAt: T0 - 1000 };
    const laptop = { id: 'laptop', issuedAt: T0 - 1000 };
    const fromPhone = [
      slotOf(await budget.reserve(ALICE, phone)),
      slotOf(await budget.reserve(ALICE, phone)),
    ];
    expect(fromPhone.map((slot) => slot.device)).toEqual(['phone', 'phone']);
    expect(await budget.reserve(ALICE, phone)).toMatchObject({ reason: 'attempts_in_flight' });
    for (const slot of fromPhone) await budget.settle(slot, { kind: 'failure' });
    expect(await budget.reserve(ALICE, phone)).toMatchObject({ reason: 'device_budget_spent' });
    expect(await fail(laptop)).toBe(true);
    expect(await fail(laptop)).toBe(true);
    expect(await budget.reserve(ALICE, { id: 'tablet', issuedAt: T0 })).toMatchObject({
      reason: 'device_budget_spent',
    });
  });

  it('never lets failures on both sides of a window edge add up: each counts for the full memory', async () => {
    now = T0 + 299_000;
    for (let index = 0; index < 4; index++) expect(await fail()).toBe(true);
    now = T0 + 301_000;
    expect(await fail()).toBe(false);
    now = T0 + 299_000 + DAY_MS - 1;
    expect(await fail()).toBe(false);
    now = T0 + 299_000 + DAY_MS;
    expect(await budget.reserve(ALICE, null)).toMatchObject({ admitted: true });
  });

  it('says when the oldest failure stops counting', async () => {
    await fail();
    now += 3_600_000;
    await fail();
    await fail();
    await fail();
    expect(await budget.reserve(ALICE, null)).toEqual({
      admitted: false,
      reason: 'account_protected',
      retryAfterSeconds: 86_400 - 3_600,
    });
  });

  it('frees the slot of a success, and forgets failures settled before it was sent, not those in flight', async () => {
    await fail();
    await fail();
    const inFlight = slotOf(await budget.reserve(ALICE, null));
    const owner = slotOf(await budget.reserve(ALICE, null));
    await budget.settle(inFlight, { kind: 'failure' });
    await budget.settle(owner, { kind: 'success' });
    // Left: the failure that was still in flight when the owner's attempt went out.
    for (let index = 0; index < 3; index++) expect(await fail()).toBe(true);
    expect(await fail()).toBe(false);
  });

  it("does not let a known device's success forget anonymous failures", async () => {
    for (let index = 0; index < 4; index++) await fail();
    const phone = { id: 'phone', issuedAt: T0 - 1 };
    await fail(phone);
    const owner = slotOf(await budget.reserve(ALICE, phone));
    await budget.settle(owner, { kind: 'success' });
    expect(await budget.reserve(ALICE, null)).toMatchObject({ reason: 'account_protected' });
    // The phone's own typo was forgotten: two device failures are left for it.
    expect(await fail(phone)).toBe(true);
    expect(await fail(phone)).toBe(true);
    expect(await budget.reserve(ALICE, phone)).toMatchObject({ reason: 'device_budget_spent' });
  });

  it('keeps uncertain outcomes (timeout, 5xx, 429) through a later success', async () => {
    for (let index = 0; index < 3; index++) {
      const slot = slotOf(await budget.reserve(ALICE, null));
      await budget.settle(slot, { kind: 'uncertain' });
    }
    const owner = slotOf(await budget.reserve(ALICE, null));
    await budget.settle(owner, { kind: 'success' });
    expect(await fail()).toBe(true);
    expect(await fail()).toBe(false);
  });

  it('stops forwarding for as long as the authority said the account is locked', async () => {
    const slot = slotOf(await budget.reserve(ALICE, null));
    await budget.settle(slot, { kind: 'locked', retryAfterSeconds: 60 });
    now += 59_500;
    expect(await budget.reserve(ALICE, { id: 'phone', issuedAt: T0 - 1 })).toEqual({
      admitted: false,
      reason: 'authority_locked',
      retryAfterSeconds: 1,
    });
    now += 500;
    expect(await budget.reserve(ALICE, null)).toMatchObject({ admitted: true });
  });

  it('treats devices known before their trust ended as anonymous', async () => {
    const phone = { id: 'phone', issuedAt: T0 };
    now += 1000;
    await budget.endDeviceTrust(ALICE);
    for (let index = 0; index < 4; index++) expect(await fail(phone)).toBe(true);
    expect(await budget.reserve(ALICE, phone)).toMatchObject({ reason: 'account_protected' });
    expect(await budget.reserve(ALICE, { id: 'phone', issuedAt: now })).toMatchObject({
      admitted: true,
      slot: { device: 'phone' },
    });
  });

  it('keeps accounts apart', async () => {
    for (let index = 0; index < 4; index++) await fail();
    expect(await budget.reserve('other|bob@contoso.com', null)).toMatchObject({ admitted: true });
  });
});

describe('failureBudgetProblems', () => {
  it('accepts the defaults for a threshold of 10 and refuses them for 9', () => {
    expect(failureBudgetProblems(DEFAULT_FAILURE_BUDGET, 10)).toEqual([]);
    expect(failureBudgetProblems(DEFAULT_FAILURE_BUDGET, 9)).toEqual([
      expect.stringMatching(/^AUTH_ANONYMOUS_FAILURE_BUDGET \(4\) \+ .* \(7\)/),
    ]);
  });

  it('refuses budgets that cannot work', () => {
    const problems = failureBudgetProblems(
      { ...DEFAULT_FAILURE_BUDGET, anonymous: 0, perDevice: 5, memorySeconds: 10 },
      10,
    );
    expect(problems).toHaveLength(3);
  });
});
