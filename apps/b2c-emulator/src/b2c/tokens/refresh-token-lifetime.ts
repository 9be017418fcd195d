import type { TokenLifetimes } from '../user-flow';

/** Epoch ms at which a family's sliding window closes (Infinity for "no expiry"). */
export function slidingWindowEnd(lifetimes: TokenLifetimes, authTime: number): number {
  return lifetimes.slidingWindowSeconds === null
    ? Infinity
    : authTime + lifetimes.slidingWindowSeconds * 1000;
}

/**
 * Epoch ms at which a refresh token issued at `now` expires: its own lifetime, but never past the
 * family's sliding window, counted from the password sign-in (docs/b2c-ropc-protocol.md §5.2).
 */
export function refreshTokenExpiresAt(
  lifetimes: TokenLifetimes,
  authTime: number,
  now: number,
): number {
  return Math.min(
    now + lifetimes.refreshTokenSeconds * 1000,
    slidingWindowEnd(lifetimes, authTime),
  );
}
