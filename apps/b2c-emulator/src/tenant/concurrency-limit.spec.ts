import { ConcurrencyLimit } from './concurrency-limit';

/** A task that runs until `finish` is called, recording how many ran at once. */
function controlledTask(limit: ConcurrencyLimit, peaks: number[]) {
  let finish!: (value: string) => void;
  const started = jest.fn();
  const result = limit.run(() => {
    started();
    peaks.push(limit.running);
    return new Promise<string>((resolve) => {
      finish = resolve;
    });
  });
  return {
    result,
    started,
    finish: (value: string) => {
      finish(value);
    },
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('runs at most `limit` tasks at once and starts the waiting ones in arrival order', async () => {
    const limit = new ConcurrencyLimit(2);
    const peaks: number[] = [];
    const tasks = [1, 2, 3, 4].map(() => controlledTask(limit, peaks));
    await tick();
    expect(tasks.map((task) => task.started.mock.calls.length)).toEqual([1, 1, 0, 0]);

    tasks[1]?.finish('b');
    await expect(tasks[1]?.result).resolves.toBe('b');
    await tick();
    expect(tasks.map((task) => task.started.mock.calls.length)).toEqual([1, 1, 1, 0]);

    tasks[0]?.finish('a');
    await tick();
    expect(tasks[3]?.started).toHaveBeenCalledTimes(1);
    tasks[2]?.finish('c');
    tasks[3]?.finish('d');
    await expect(Promise.all(tasks.map((task) => task.result))).resolves.toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(Math.max(...peaks)).toBe(2);
    expect(limit.running).toBe(0);
  });

  it('frees the slot of a task that rejects', async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(() => Promise.resolve('next'))).resolves.toBe('next');
    expect(limit.running).toBe(0);
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow(RangeError);
    expect(() => new ConcurrencyLimit(1.5)).toThrow(RangeError);
  });
});
