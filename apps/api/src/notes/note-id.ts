const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The note id in a route value, lowercased as `randomUUID()` writes it, or `undefined` when it is
 * not UUID-shaped: such an id names no note, so the caller answers 404 without a lookup.
 */
export function noteIdOf(value: string | undefined): string | undefined {
  return value !== undefined && UUID.test(value) ? value.toLowerCase() : undefined;
}
