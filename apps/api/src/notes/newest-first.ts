import type { Note } from './note';

/**
 * The order of `NoteStore.list`: `createdAt` descending (ISO 8601 UTC strings sort as times),
 * then `id` ascending, so that notes created in the same millisecond keep a stable order.
 */
export function newestFirst(a: Note, b: Note): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
