/**
 * Failures of the shared state store that a caller cannot fix by changing its request: the apps
 * answer them with 503 and `Retry-After`, never with a 500 and never after a partial write that
 * would be visible later.
 */
export abstract class StorageError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: 'storage_unavailable' | 'storage_contention';
  /** Seconds a client should wait before trying again. */
  readonly retryAfterSeconds: number = 5;
}

/** The storage service did not answer in time, refused the connection or answered 5xx. */
export class StorageUnavailableError extends StorageError {
  readonly code = 'storage_unavailable';

  constructor(
    /** What was being done, e.g. `read users`: names tables, never keys or values. */
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(`state storage is unavailable (${operation})`, options);
    this.name = 'StorageUnavailableError';
  }
}

/** Optimistic concurrency gave up: the same row kept changing under every attempt. */
export class StorageContentionError extends StorageError {
  readonly code = 'storage_contention';
  override readonly retryAfterSeconds = 1;

  constructor(
    readonly operation: string,
    readonly attempts: number,
  ) {
    super(`state storage is too busy (${operation}: ${attempts} conflicting attempts)`);
    this.name = 'StorageContentionError';
  }
}

/** Whether `error` is one of the storage failures that the apps answer with 503. */
export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError;
}
