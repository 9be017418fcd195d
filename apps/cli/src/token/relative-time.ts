const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/**
 * A span in words, in its largest whole unit, rounded down: 3599 s is "59 minutes", 7200 s is
 * "2 hours". Rounding down never makes a token look longer-lived than it is.
 */
export function spanInWords(seconds: number): string {
  const whole = Math.floor(Math.abs(seconds));
  const [unit, size] = UNITS.find(([, length]) => whole >= length) ?? ['second', 1];
  const count = Math.floor(whole / size);
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "expires in 59 minutes", "expired 3 hours ago", "expires now". */
export function describeExpiry(expiresAtSeconds: number, nowMs: number): string {
  const left = expiresAtSeconds - nowMs / 1000;
  if (Math.floor(Math.abs(left)) === 0) return left > 0 ? 'expires now' : 'expired just now';
  return left > 0 ? `expires in ${spanInWords(left)}` : `expired ${spanInWords(left)} ago`;
}

/** "in 5 minutes", "3 hours ago": when another time claim (iat, nbf, auth_time) lies. */
export function describeMoment(atSeconds: number, nowMs: number): string {
  const offset = atSeconds - nowMs / 1000;
  if (Math.floor(Math.abs(offset)) === 0) return 'now';
  return offset > 0 ? `in ${spanInWords(offset)}` : `${spanInWords(offset)} ago`;
}

/** `2026-12-08T03:49:36Z`: ISO 8601 without milliseconds. */
export function isoSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
