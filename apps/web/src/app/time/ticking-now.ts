import { effect, inject, signal, type Signal } from '@angular/core';
import { Clock } from './clock';

/** How often the current time is refreshed: a countdown shows whole seconds. */
export const TICK_MS = 1000;

/**
 * The current time (epoch milliseconds) as a signal that ticks every second only while `active()`
 * is true, so a signed-out tab runs no timer. Call it in an injection context (a field
 * initialiser); the timer stops when that context is destroyed.
 */
export function tickingNow(active: Signal<boolean>): Signal<number> {
  const clock = inject(Clock);
  const now = signal(clock.now());
  effect((onCleanup) => {
    if (!active()) return;
    now.set(clock.now());
    const stop = clock.every(TICK_MS, () => {
      now.set(clock.now());
    });
    onCleanup(stop);
  });
  return now.asReadonly();
}
