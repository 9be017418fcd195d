import { InjectionToken } from '@angular/core';

/** Waits `ms` milliseconds (a start-up refresh waits out a `Retry-After`); replaceable in tests. */
export const AUTH_SLEEP = new InjectionToken<(ms: number) => Promise<void>>('AUTH_SLEEP', {
  providedIn: 'root',
  factory: () => (ms: number) =>
    new Promise<void>((resolve) => {
      setTimeout(resolve, ms);
    }),
});

/** The clock (epoch milliseconds) token lifetimes are measured with; replaceable in tests. */
export const AUTH_CLOCK = new InjectionToken<() => number>('AUTH_CLOCK', {
  providedIn: 'root',
  factory: () => Date.now,
});
