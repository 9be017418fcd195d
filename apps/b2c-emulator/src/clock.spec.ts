import { OffsetClock } from './clock';

describe('OffsetClock', () => {
  it('moves by the offset and keeps now() whole milliseconds for a fractional offset', () => {
    const clock = new OffsetClock(() => 1_000_000);
    clock.setOffsetSeconds(16.1);
    expect(clock.now()).toBe(1_016_100);
    clock.setOffsetSeconds(1.005);
    expect(Number.isInteger(clock.now())).toBe(true);
    expect(clock.offsetSeconds).toBe(1.005);
  });

  it('refuses an offset that is not a finite number', () => {
    expect(() => {
      new OffsetClock().setOffsetSeconds(Number.NaN);
    }).toThrow(TypeError);
  });
});
