/**
 * A wait in words, for messages such as "Try again in 5 minutes": whole seconds under a minute,
 * minutes under an hour and a half, then hours — each rounded up, so people are never told they
 * may retry too early.
 */
export function formatDuration(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return whole === 1 ? '1 second' : `${whole} seconds`;
  const minutes = Math.ceil(whole / 60);
  if (minutes < 90) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}
