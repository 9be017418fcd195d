import { parseNcrontab } from '../src/timer/ncrontab-schedule';

const next = (expression: string, after: string) =>
  parseNcrontab(expression).next(new Date(after))?.toISOString();

describe('parseNcrontab', () => {
  it('steps seconds and minutes', () => {
    expect(next('*/15 * * * * *', '2030-01-01T00:00:14.500Z')).toBe('2030-01-01T00:00:15.000Z');
    expect(next('*/15 * * * * *', '2030-01-01T00:00:15.000Z')).toBe('2030-01-01T00:00:30.000Z');
    expect(next('0 */5 * * * *', '2030-01-01T00:04:59.000Z')).toBe('2030-01-01T00:05:00.000Z');
  });

  it('handles lists, ranges, names and 7 as Sunday', () => {
    expect(next('0 30 9 * * MON-FRI', '2030-01-05T12:00:00Z')).toBe('2030-01-07T09:30:00.000Z');
    expect(next('0 0 12 * JAN,jul 7', '2030-02-01T00:00:00Z')).toBe('2030-07-07T12:00:00.000Z');
    expect(next('5/20 0 0 * * *', '2030-01-01T00:00:26Z')).toBe('2030-01-01T00:00:45.000Z');
  });

  it('requires both day of month and day of week, as NCrontab does', () => {
    // The next Friday the 13th after 2030-01-01 is in September.
    expect(next('0 0 0 13 * FRI', '2030-01-01T00:00:00Z')).toBe('2030-09-13T00:00:00.000Z');
  });

  it('gives up on schedules that never occur', () => {
    expect(next('0 0 0 31 2 *', '2030-01-01T00:00:00Z')).toBeUndefined();
  });

  it.each([
    '* * * * *',
    '60 * * * * *',
    '* * * * 13 *',
    '*/0 * * * * *',
    '5-1 * * * * *',
    'x * * * * *',
  ])('refuses %s', (expression) => {
    expect(() => parseNcrontab(expression)).toThrow();
  });
});
