import type { HttpResponseInit } from '@azure/functions';

/** The statuses the API answers with a problem details body. */
export type ProblemStatus = 400 | 403 | 404 | 409 | 412 | 413 | 415 | 503;

/**
 * An RFC 9457 problem details object as this API sends it. `type` is the RFC 9110 section of the
 * status code and `title` its reason phrase, so both are fixed per status; `detail` says what
 * went wrong with this request.
 */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: ProblemStatus;
  readonly detail: string;
  /** Validation messages per request-body property (400 only). */
  readonly errors?: Readonly<Record<string, readonly string[]>>;
}

/** RFC 9457 §3: the media type of a problem details body. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const STATUS_SECTIONS: Readonly<Record<ProblemStatus, readonly [section: string, title: string]>> =
  {
    400: ['15.5.1', 'Bad Request'],
    403: ['15.5.4', 'Forbidden'],
    404: ['15.5.5', 'Not Found'],
    409: ['15.5.10', 'Conflict'],
    412: ['15.5.13', 'Precondition Failed'],
    413: ['15.5.14', 'Content Too Large'],
    415: ['15.5.16', 'Unsupported Media Type'],
    503: ['15.6.4', 'Service Unavailable'],
  };

/**
 * Builds a problem for `status`. `errors` (field → messages) is added only when given, so a
 * client can tell a validation failure from a malformed request by its presence.
 */
export function problemDetails(
  status: ProblemStatus,
  detail: string,
  errors?: Readonly<Record<string, readonly string[]>>,
): ProblemDetails {
  const [section, title] = STATUS_SECTIONS[status];
  return {
    type: `https://www.rfc-editor.org/rfc/rfc9110#section-${section}`,
    title,
    status,
    detail,
    ...(errors && { errors }),
  };
}

/** The HTTP answer carrying `problem`: its status, `application/problem+json`, never cached. */
export function problemResponse(
  problem: ProblemDetails,
  headers: Readonly<Record<string, string>> = {},
): HttpResponseInit {
  return {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
    jsonBody: problem,
  };
}
