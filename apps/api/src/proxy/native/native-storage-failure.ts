import type { StorageFailureAnswer } from '@ropc/functions-edge';
import { nativeErrorResponse } from './native-error';

/**
 * The native-auth proxy's storage-failure answer: 503 with Retry-After in the native-auth
 * envelope (what MSAL's custom-auth client parses).
 */
export const nativeStorageFailure: StorageFailureAnswer = (error, request) =>
  nativeErrorResponse({ kind: 'unreachable', retryAfterSeconds: error.retryAfterSeconds }, request);
