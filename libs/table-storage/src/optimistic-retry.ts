import { setTimeout as sleep } from 'node:timers/promises';
import { StorageContentionError } from './storage-errors';

/** An attempt's verdict: done with a value, or lost a race and must read again. */
export type Attempt<T> = { readonly done: true; readonly value: T } | { readonly done: false };

/** Attempts before {@link retryOnConflict} gives up with {@link StorageContentionError}. */
export const MAX_CONFLICT_ATTEMPTS = 12;

/**
 * Optimistic concurrency: runs `attempt` (read, decide, conditional write) until it is not beaten
 * by a concurrent writer. Waits a few random milliseconds between attempts, growing with each one,
 * so that racing writers spread out instead of colliding again.
 */
export async function retryOnConflict<T>(
  operation: string,
  attempt: () => Promise<Attempt<T>>,
  maxAttempts = MAX_CONFLICT_ATTEMPTS,
): Promise<T> {
  for (let count = 1; count <= maxAttempts; count++) {
    const result = await attempt();
    if (result.done) return result.value;
    if (count < maxAttempts) await sleep(Math.random() * 4 * count);
  }
  throw new StorageContentionError(operation, maxAttempts);
}

/** An attempt that finished. */
export function done<T>(value: T): Attempt<T> {
  return { done: true, value };
}

/** An attempt that lost a race. */
export const CONFLICT: Attempt<never> = { done: false };
