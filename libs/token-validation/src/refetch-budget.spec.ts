import { RefetchBudget } from './refetch-budget';

describe('RefetchBudget', () => {
  it('grants at most the limit per sliding window, and says how long to wait', () => {
    const budget = new RefetchBudget(2, 60_000);
    expect([budget.tryTake(0), budget.tryTake(10_000), budget.tryTake(20_000)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(budget.waitMs(20_000)).toBe(40_000);
    expect([budget.tryTake(59_999), budget.tryTake(60_000), budget.tryTake(60_001)]).toEqual([
      false,
      true,
      false,
    ]);
    expect(budget.waitMs(60_001)).toBe(9_999);
    expect(budget.tryTake(70_000)).toBe(true);
  });
});
