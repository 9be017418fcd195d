import { types } from 'node:util';

/**
 * Describes a thrown value for a log line. Uses `isNativeError` rather than `instanceof`: app code
 * runs in Node's realm, while under Jest this host runs in a sandbox with its own `Error`.
 */
export function describeError(error: unknown): string {
  if (types.isNativeError(error)) return error.stack ?? `${error.name}: ${error.message}`;
  if (typeof error === 'string') return error;
  try {
    // undefined for functions and symbols, despite the declared type
    const json = JSON.stringify(error) as string | undefined;
    return json ?? typeof error;
  } catch {
    return typeof error;
  }
}
