/**
 * An instant as Microsoft's token services write it in error bodies, B2C's and Entra's alike:
 * `yyyy-MM-dd HH:mm:ssZ`, UTC, seconds truncated.
 */
export function formatUtcTimestamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}
