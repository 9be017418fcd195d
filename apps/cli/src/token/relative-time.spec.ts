import { describeExpiry, describeMoment, isoSeconds, spanInWords } from './relative-time';

describe('relative time in words', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [59.9, '59 seconds'],
    [60, '1 minute'],
    [3599, '59 minutes'],
    [3600, '1 hour'],
    [7199, '1 hour'],
    [86_400 * 13.9, '13 days'],
    [-10_800, '3 hours'],
  ])('%d s is %s, rounded down', (seconds, words) => {
    expect(spanInWords(seconds)).toBe(words);
  });

  it('says when a token expires or expired', () => {
    const now = 1_800_000_000_000;
    expect(describeExpiry(now / 1000 + 3599.5, now)).toBe('expires in 59 minutes');
    expect(describeExpiry(now / 1000 - 3 * 3600, now)).toBe('expired 3 hours ago');
    expect(describeExpiry(now / 1000 + 0.4, now)).toBe('expires now');
    expect(describeExpiry(now / 1000, now)).toBe('expired just now');
    expect(describeMoment(now / 1000 - 120, now)).toBe('2 minutes ago');
    expect(describeMoment(now / 1000 + 86_400, now)).toBe('in 1 day');
    expect(isoSeconds(now / 1000)).toBe('2027-01-15T08:00:00Z');
  });
});
