import type { HttpRequest } from '@azure/functions';
import { readBoundedBody, requestMediaType } from '@ropc/functions-edge';
import { problemDetails, type ProblemDetails } from './problem-details';

/**
 * The default cap on a JSON request body: 128 KiB. The notes contract counts code points (a title
 * of 200, a body of 10,000), and its longest note of astral characters, each JSON-escaped as two
 * `\uXXXX` escapes (12 bytes), is about 122 KB; the cap must let every valid note through.
 */
export const MAX_JSON_BODY_BYTES = 128 * 1024;

/** Options of {@link readJsonBody}. */
export interface ReadJsonBodyOptions {
  /** Larger bodies get 413. Default {@link MAX_JSON_BODY_BYTES}. */
  readonly maxBytes?: number;
}

/** The parsed body, or the problem to answer with. */
export type ReadJsonBodyResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: ProblemDetails };

/**
 * Reads a request body that must be UTF-8 JSON (RFC 8259) sent as `application/json`. Refuses,
 * in this order: another media type, a charset other than UTF-8 or a content coding (415), more
 * than `maxBytes` (413), bytes that are not UTF-8 or not JSON (400). Does not check the shape of
 * the value.
 */
export async function readJsonBody(
  request: HttpRequest,
  options: ReadJsonBodyOptions = {},
): Promise<ReadJsonBodyResult> {
  const { maxBytes = MAX_JSON_BODY_BYTES } = options;
  const unsupported = unsupportedMediaType(request);
  if (unsupported !== undefined) return refuse(415, unsupported);
  const bytes = await readBoundedBody(request, maxBytes);
  if (!bytes) return refuse(413, `The request body must be at most ${maxBytes} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(400, 'The request body is not UTF-8');
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return refuse(400, 'The request body is not valid JSON');
  }
}

/** Why the request's media type or coding is refused, or `undefined` when it is JSON in UTF-8. */
function unsupportedMediaType(request: HttpRequest): string | undefined {
  if (requestMediaType(request) !== 'application/json') {
    return 'The request body must be sent as application/json';
  }
  const parameters = (request.headers.get('content-type') ?? '').split(';').slice(1);
  const charset = parameters
    .map((parameter) => parameter.split('='))
    .find(([name]) => name?.trim().toLowerCase() === 'charset')?.[1];
  if (charset !== undefined && charset.trim().replace(/^"|"$/g, '').toLowerCase() !== 'utf-8') {
    return 'The request body must be encoded in UTF-8';
  }
  const coding = request.headers.get('content-encoding')?.trim().toLowerCase();
  if (coding !== undefined && coding !== '' && coding !== 'identity') {
    return 'The request body must not have a content coding';
  }
  return undefined;
}

function refuse(status: 400 | 413 | 415, detail: string): ReadJsonBodyResult {
  return { ok: false, problem: problemDetails(status, detail) };
}
