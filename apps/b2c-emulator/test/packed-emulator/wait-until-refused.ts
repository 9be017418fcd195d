import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Resolves once `url` refuses connections: the stopped process has closed its port. A stopped
 * emulator closes it within a moment; the bound only turns a process that never stops into a
 * clear failure.
 */
export async function waitUntilRefused(url: string, attempts = 100): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
    } catch {
      return;
    }
    await sleep(100);
  }
  throw new Error(`${url} still answers after the emulator was told to stop`);
}
