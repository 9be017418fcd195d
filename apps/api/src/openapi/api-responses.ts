/**
 * Building blocks of the API's responses: `$ref`s to its components, and the answers the protected
 * resources share (RFC 6750 refusals, problem details).
 */

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });
export const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

type Headers = Readonly<Record<string, unknown>>;

/** A JSON answer of `schema` (a component name), never cached, with `headers` added. */
export function jsonResponse(description: string, schema: string, headers: Headers = {}) {
  return {
    description,
    headers: { 'Cache-Control': headerRef('NoStore'), ...headers },
    content: { 'application/json': { schema: schemaRef(schema) } },
  };
}

/** A problem details answer (`application/problem+json`). */
export function problemResponse(description: string, headers: Headers = {}) {
  return {
    description,
    headers: { 'Cache-Control': headerRef('NoStore'), ...headers },
    content: { 'application/problem+json': { schema: schemaRef('ProblemDetails') } },
  };
}

/** The components.responses of the protected resources. */
export const API_RESPONSES = {
  Unauthorized: jsonResponse(
    'No, or no valid, access token: the RFC 6750 challenge.',
    'BearerError',
    { 'WWW-Authenticate': headerRef('WwwAuthenticate') },
  ),
  NotesForbidden: {
    description:
      'The token lacks the scope (`insufficient_scope`, with its challenge), or names no user ' +
      '(a problem).',
    headers: { 'Cache-Control': headerRef('NoStore') },
    content: {
      'application/json': { schema: schemaRef('BearerError') },
      'application/problem+json': { schema: schemaRef('ProblemDetails') },
    },
  },
  KeysUnavailable: jsonResponse(
    "The issuer's signing keys cannot be had right now (`temporarily_unavailable`).",
    'BearerError',
    { 'Retry-After': headerRef('RetryAfter') },
  ),
  NotesUnavailable: {
    description:
      "The issuer's signing keys cannot be had (a bearer error), or the notes storage is failing " +
      '(a problem).',
    headers: { 'Cache-Control': headerRef('NoStore'), 'Retry-After': headerRef('RetryAfter') },
    content: {
      'application/json': { schema: schemaRef('BearerError') },
      'application/problem+json': { schema: schemaRef('ProblemDetails') },
    },
  },
  NoteNotFound: problemResponse(
    "No note with this id (another user's notes are not found either).",
  ),
  NoteChanged: problemResponse('`If-Match` names no current version of the note.'),
  BadNoteBody: problemResponse(
    'The body is not UTF-8 JSON, not an object, or an invalid note (`errors` per property); or ' +
      '`If-Match` is malformed.',
  ),
  NoteBodyTooLarge: problemResponse('The body is larger than 128 KiB.'),
  NoteBodyNotJson: problemResponse(
    'The body is not `application/json` in UTF-8 without a content coding.',
  ),
} as const;
