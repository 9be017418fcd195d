/**
 * @ropc/identity-protection: who is asking — the client IP behind trusted proxies and the
 * normalised username — and fixed-window rate limits, decided the same way by the sign-in proxy
 * and the emulator. Platform-neutral.
 */
export { clientIpFromForwardedFor, normaliseIpAddress } from './client-ip';
export { normaliseUsername } from './normalise-username';
export { windowStart, type RateCounterStore, type RateWindow } from './rate-counter-store';
export { MemoryRateCounterStore } from './memory-rate-counter-store';
export { FixedWindowLimiter, type LimitCheck, type RateLimit } from './fixed-window-limiter';
