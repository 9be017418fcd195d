// Test helpers: start the sample app in-process and wait for log lines.
import path from 'node:path';
import { startFunctionsHost, type FunctionsHostOptions, type RunningFunctionsHost } from '../src';

/** The sample Functions app the integration tests serve. */
export const SAMPLE_APP_DIR = path.join(__dirname, 'sample-app');

/** A running sample host and every line it logged. */
export interface SampleHost {
  readonly host: RunningFunctionsHost;
  readonly lines: string[];
  /** Resolves once a logged line matches (request lines are written when the response closes). */
  waitForLine(pattern: RegExp): Promise<string>;
}

/** Starts the sample app on an ephemeral port on 127.0.0.1, capturing its log. */
export async function startSampleHost(
  options: Partial<FunctionsHostOptions> = {},
): Promise<SampleHost> {
  const lines: string[] = [];
  const host = await startFunctionsHost({
    appDir: SAMPLE_APP_DIR,
    port: 0,
    log: (line) => lines.push(line),
    ...options,
  });
  const waitForLine = async (pattern: RegExp): Promise<string> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const line = lines.find((candidate) => pattern.test(candidate));
      if (line !== undefined) return line;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`No log line matched ${String(pattern)}:\n${lines.join('\n')}`);
  };
  return { host, lines, waitForLine };
}
