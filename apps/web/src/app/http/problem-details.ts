import { HttpErrorResponse } from '@angular/common/http';

/** Validation messages per request-body property, as the API's 400 problems carry them. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/**
 * An RFC 9457 problem details body, as the API sends it (docs/architecture.md, "Protected API").
 */
export interface ProblemDetails {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly errors?: FieldErrors;
}

/**
 * The problem details body of a failed request, or `null` when the answer carried none (network
 * failure, a proxy's HTML page). Only the fields this app reads are checked.
 */
export function problemDetailsOf(error: unknown): ProblemDetails | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const problem = body as Record<string, unknown>;
  const detail = typeof problem['detail'] === 'string' ? problem['detail'] : undefined;
  const title = typeof problem['title'] === 'string' ? problem['title'] : undefined;
  if (detail === undefined && title === undefined) return null;
  return { title, detail, errors: fieldErrorsOf(problem['errors']) };
}

function fieldErrorsOf(value: unknown): FieldErrors | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const errors = new Map<string, string[]>();
  for (const [field, messages] of Object.entries(value)) {
    if (!Array.isArray(messages)) continue;
    const texts = messages.filter((message): message is string => typeof message === 'string');
    if (texts.length > 0) errors.set(field, texts);
  }
  return errors.size > 0 ? Object.fromEntries(errors) : undefined;
}
