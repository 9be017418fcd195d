import { HttpErrorResponse } from '@angular/common/http';
import { problemDetailsOf } from './problem-details';

/**
 * A sentence for a failed API call, by status: what happened and what the person can do. The
 * API's problem `detail` is used only for statuses whose detail is written for people (409).
 */
export function describeHttpError(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) {
    return 'Something went wrong. Try again.';
  }
  switch (error.status) {
    case 0:
      return "We can't reach the server. Check your connection and try again.";
    case 401:
      return 'Your sign-in is no longer valid. Sign in again to continue.';
    case 403:
      return "You don't have permission to do that.";
    case 404:
      return 'It no longer exists: it may have been deleted elsewhere.';
    case 409:
      return problemDetailsOf(error)?.detail ?? 'That conflicts with what is already saved.';
    case 429:
      return 'Too many requests. Wait a moment, then try again.';
    default:
      return error.status >= 500
        ? 'The server had a problem. Try again in a moment.'
        : 'The request was not accepted. Try again.';
  }
}
