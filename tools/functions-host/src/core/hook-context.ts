import { ReadOnlyError } from './read-only-error';

/**
 * Builds a hook context the way the worker does: `readOnlyMembers` are getters that throw a
 * {@link ReadOnlyError} on assignment (the library's hook context classes forward to them), and
 * `writable` members are plain properties that hooks may replace (inputs, handler, result...).
 */
export function createHookContext<W extends object>(
  readOnlyMembers: Readonly<Record<string, unknown>>,
  writable: W,
): W {
  const context = { ...writable };
  for (const [name, value] of Object.entries(readOnlyMembers)) {
    Object.defineProperty(context, name, {
      enumerable: true,
      get: () => value,
      set: () => {
        throw new ReadOnlyError(name);
      },
    });
  }
  return context;
}
