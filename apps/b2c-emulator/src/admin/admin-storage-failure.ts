import type { StorageFailureAnswer } from '@ropc/functions-edge';
import { ADMIN_JSON_HEADERS, adminError } from './admin-error';

/** The admin API's storage-failure answer: Graph's `serviceNotAvailable`, in its error shape. */
export const adminStorageFailure: StorageFailureAnswer = (error) => {
  const seconds = error.retryAfterSeconds;
  return {
    ...adminError(
      503,
      'serviceNotAvailable',
      `The emulator's state storage is unavailable. Retry after ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
    ),
    headers: { ...ADMIN_JSON_HEADERS, 'Retry-After': String(seconds) },
  };
};
