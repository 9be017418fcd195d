/**
 * The API's one clock: the proxy's budgets, throttles, cookies and the cleanup read it. The
 * bundle exports it (`main.ts`) so that in-process tests can move time — failure memory, window
 * edges — without waiting; nothing else changes it.
 */
export const apiClock: { now: () => number } = {
  now: () => Date.now(),
};
