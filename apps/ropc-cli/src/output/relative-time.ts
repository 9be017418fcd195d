const UNITS: readonly (readonly [string, number])[] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** `59 minutes`, `3 hours`, `1 day`: the largest whole unit, rounded down. */
function inWords(seconds: number): string {
  for (const [unit, size] of UNITS) {
    const count = Math.floor(seconds / size);
    if (count >= 1) return `${String(count)} ${unit}${count === 1 ? '' : 's'}`;
  }
  return '0 seconds';
}

/** `expires in 59 minutes` or `expired 3 hours ago`, relative to `nowMs`. */
export function expiryInWords(expiresAtMs: number, nowMs: number): string {
  const seconds = Math.round((expiresAtMs - nowMs) / 1000);
  return seconds > 0 ? `expires in ${inWords(seconds)}` : `expired ${inWords(-seconds)} ago`;
}
