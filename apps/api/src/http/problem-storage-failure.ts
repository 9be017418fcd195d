import type { StorageFailureAnswer } from '@ropc/functions-edge';
import type { StorageError } from '@ropc/table-storage';
import { problemDetails, problemResponse, type ProblemDetails } from './problem-details';

const STORAGE_PROBLEMS: Readonly<Record<StorageError['code'], ProblemDetails>> = {
  storage_unavailable: problemDetails(503, 'The API’s storage is unavailable; try again later'),
  storage_contention: problemDetails(503, 'Too many changes at once; try again'),
};

/** The protected resources' storage-failure answer: a 503 problem details body with Retry-After. */
export const problemStorageFailure: StorageFailureAnswer = (error) =>
  problemResponse(STORAGE_PROBLEMS[error.code], {
    'Retry-After': String(error.retryAfterSeconds),
  });
