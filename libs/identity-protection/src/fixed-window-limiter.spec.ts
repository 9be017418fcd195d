import { FixedWindowLimiter } from './fixed-window-limiter';
import { MemoryRateCounterStore } from './memory-rate-counter-store';

describe('FixedWindowLimiter', () => {
  let now = 0;
  const limiter = (limit: number, windowSeconds: number) =>
    new FixedWindowLimiter(new MemoryRateCounterStore(), { limit, windowSeconds }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('limits past the limit, with the seconds left in the window', async () => {
    const ip = limiter(2, 60);
    expect(await ip.hit('a')).toEqual({ limited: false, count: 1 });
    expect(await ip.hit('a')).toEqual({ limited: false, count: 2 });
    now += 15_000;
    expect(await ip.hit('a')).toEqual({ limited: true, count: 3, retryAfterSeconds: 5 });
    expect(await ip.hit('b')).toEqual({ limited: false, count: 1 });
  });

  it('starts a new window after the old one ends', async () => {
    const ip = limiter(1, 60);
    await ip.hit('a');
    now += 60_000;
    expect(await ip.hit('a')).toEqual({ limited: false, count: 1 });
  });

  it('peeks without counting: limited once one more event would be over the limit', async () => {
    const ip = limiter(2, 60);
    expect(await ip.peek('a')).toEqual({ limited: false, count: 0 });
    await ip.hit('a');
    expect(await ip.peek('a')).toEqual({ limited: false, count: 1 });
    await ip.hit('a');
    now += 15_000;
    expect(await ip.peek('a')).toEqual({ limited: true, count: 2, retryAfterSeconds: 5 });
    expect(await ip.peek('a')).toEqual({ limited: true, count: 2, retryAfterSeconds: 5 });
  });

  it('refuses a limit that cannot work', () => {
    expect(() => limiter(0, 60)).toThrow(TypeError);
  });
});
