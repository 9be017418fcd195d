import { readBoundedText } from '../oauth/read-bounded-text';
import { parseRetryAfter } from '../oauth/token-response';
import { parseNativeAuthError, type NativeAuthError } from './native-auth-error';
import type { NativeAuthResponseProblem, SuccessParser } from './response-problem';

/**
 * What an endpoint answered, typed (docs/entra-native-auth-protocol.md §2.2): a checked success,
 * the `redirect` answer (the client must fall back to a browser sign-in), an error body, or an
 * answer that is none of these. A server's error is a value here, never a throw.
 */
export type NativeAuthOutcome<T> = NativeAuthSuccess<T> | NativeAuthFailure;

/** Anything but success. */
export type NativeAuthFailure =
  NativeAuthRedirect | NativeAuthErrorAnswer | NativeAuthInvalidResponse;

/** Fields every outcome may carry. */
interface AnswerMeta {
  /** The `x-ms-request-id` header, when the answer had one and it was readable. */
  readonly requestId?: string;
}

/** A 2xx answer whose body passed the endpoint's check. */
export interface NativeAuthSuccess<T> extends AnswerMeta {
  readonly kind: 'success';
  readonly body: T;
}

/** `200 {"challenge_type":"redirect"}`: this client cannot satisfy the user flow natively. */
export interface NativeAuthRedirect extends AnswerMeta {
  readonly kind: 'redirect';
  /** `redirect_reason`, when the server gave one. */
  readonly reason?: string;
}

/** A non-2xx answer with an error body. */
export interface NativeAuthErrorAnswer extends AnswerMeta {
  readonly kind: 'error';
  readonly error: NativeAuthError;
}

/** An answer that is neither: not JSON, too large, or a success missing what the flow needs. */
export interface NativeAuthInvalidResponse extends AnswerMeta {
  readonly kind: 'invalid_response';
  readonly status: number;
  readonly problem: NativeAuthResponseProblem;
  readonly retryAfterSeconds?: number;
}

/** An HTTP answer reduced to what {@link interpretNativeAuthAnswer} reads. */
export interface NativeAuthAnswer {
  readonly status: number;
  /** The body's text. */
  readonly text: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
}

const parseJson = (text: string): { value: unknown } | undefined => {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
};

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type AnswerHeaders = Pick<NativeAuthAnswer, 'requestId' | 'retryAfterSeconds'>;

const metaOf = ({ requestId }: AnswerHeaders): AnswerMeta =>
  requestId === undefined ? {} : { requestId };

function invalidResponse(
  status: number,
  problem: NativeAuthResponseProblem,
  headers: AnswerHeaders,
): NativeAuthInvalidResponse {
  const { retryAfterSeconds } = headers;
  return {
    kind: 'invalid_response',
    status,
    problem,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    ...metaOf(headers),
  };
}

function interpretSuccess<T>(
  body: Readonly<Record<string, unknown>>,
  status: number,
  headers: AnswerHeaders,
  parseSuccess: SuccessParser<T>,
): NativeAuthOutcome<T> {
  if (body['challenge_type'] === 'redirect') {
    const reason = body['redirect_reason'];
    return {
      kind: 'redirect',
      ...(typeof reason === 'string' ? { reason } : {}),
      ...metaOf(headers),
    };
  }
  const parsed = parseSuccess(body);
  return parsed.ok
    ? { kind: 'success', body: parsed.body, ...metaOf(headers) }
    : invalidResponse(status, parsed.problem, headers);
}

/**
 * Turns an answer into an outcome, in MSAL's order: the body must be JSON whatever the status; a
 * 2xx whose `challenge_type` is `redirect` is a redirect on any endpoint, the token endpoint too;
 * another 2xx goes through `parseSuccess`; anything else must be an error body. Never throws.
 */
export function interpretNativeAuthAnswer<T>(
  answer: NativeAuthAnswer,
  parseSuccess: SuccessParser<T>,
): NativeAuthOutcome<T> {
  const { status, retryAfterSeconds } = answer;
  const json = parseJson(answer.text);
  if (json === undefined) return invalidResponse(status, 'not_json', answer);
  if (status >= 200 && status < 300) {
    return isObject(json.value)
      ? interpretSuccess(json.value, status, answer, parseSuccess)
      : invalidResponse(status, 'not_an_object', answer);
  }
  const error = parseNativeAuthError(json.value, { status, retryAfterSeconds });
  return error === undefined
    ? invalidResponse(status, 'not_an_error_body', answer)
    : { kind: 'error', error, ...metaOf(answer) };
}

/** Options of {@link processNativeAuthResponse}. */
export interface ProcessNativeAuthResponseOptions {
  /** Bodies larger than this are not read. Default 64 KiB: a token answer is a few kilobytes. */
  readonly maxBytes?: number;
  /** Epoch milliseconds, for a `Retry-After` given as a date; injectable for tests. */
  readonly now?: () => number;
}

/** The default of {@link ProcessNativeAuthResponseOptions.maxBytes}. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Reads a fetch `Response` (bounded) and interprets it with {@link interpretNativeAuthAnswer}.
 * Never throws for what the server sent.
 */
export async function processNativeAuthResponse<T>(
  response: Response,
  parseSuccess: SuccessParser<T>,
  options: ProcessNativeAuthResponseOptions = {},
): Promise<NativeAuthOutcome<T>> {
  const requestId = response.headers.get('x-ms-request-id') ?? undefined;
  const retryAfterSeconds = parseRetryAfter(
    response.headers.get('retry-after'),
    (options.now ?? Date.now)(),
  );
  const headers = { requestId, retryAfterSeconds };
  const read = await readBoundedText(response, options.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
  if (!read.ok) {
    const problem = read.reason === 'too_large' ? 'body_too_large' : 'not_json';
    return invalidResponse(response.status, problem, headers);
  }
  return interpretNativeAuthAnswer(
    { status: response.status, text: read.text, ...headers },
    parseSuccess,
  );
}
