// Timers firing on their schedule, in-process.
import path from 'node:path';
import { startFunctionsHost, type RunningFunctionsHost } from '../src';

const TIMER_APP_DIR = path.join(__dirname, 'timer-app');

describe('timer schedules', () => {
  let host: RunningFunctionsHost;
  const lines: string[] = [];

  beforeAll(async () => {
    host = await startFunctionsHost({
      appDir: TIMER_APP_DIR,
      port: 0,
      env: { EVERY_SECOND_SCHEDULE: '* * * * * *' },
      log: (line) => lines.push(line),
    });
  });

  afterAll(() => host.close());

  it('reads %SETTING% schedules and reports unsupported ones', () => {
    expect(host.timers).toEqual([
      { functionName: 'everySecond', schedule: '* * * * * *', scheduled: true },
      { functionName: 'timeSpan', schedule: '00:05:00', scheduled: false },
    ]);
    expect(lines).toContainEqual(
      expect.stringMatching(/^\[host\] warn: Timer "timeSpan" runs only on demand: /),
    );
  });

  it('runs on startup and then on every occurrence', async () => {
    let runs: string[] = [];
    for (let attempt = 0; attempt < 60 && runs.length < 3; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      runs = (await (await fetch(`${host.url}/api/runs`)).json()) as string[];
    }
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const next of runs) expect(next).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  });
});
