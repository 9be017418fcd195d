import { InjectionToken } from '@angular/core';

/** The clock (epoch milliseconds) token lifetimes are measured with; replaceable in tests. */
export const AUTH_CLOCK = new InjectionToken<() => number>('AUTH_CLOCK', {
  providedIn: 'root',
  factory: () => Date.now,
});
