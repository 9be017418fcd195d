import { readBoundedText } from '@ropc/protocol';
import { CliError } from '../cli/cli-error';

/** Larger than any discovery document, key set or page of users. */
const MAX_ANSWER_BYTES = 1024 * 1024;
const TIMEOUT_MS = 10_000;

/** An HTTP answer with its body read as JSON (undefined when it had none). */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** A JSON request; the headers may carry a bearer secret, which no error message repeats. */
export interface JsonRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/**
 * Sends a request and reads a JSON answer of any status, bounded in size and time. `what` names
 * the server in messages ("the emulator", "the JWKS").
 *
 * @throws CliError `unreachable` when no answer came, `unexpected_answer` when the body is not
 *   JSON.
 */
export async function requestJson(
  url: string,
  what: string,
  request: JsonRequest = {},
): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers: {
        Accept: 'application/json',
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...request.headers,
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch {
    throw new CliError('unreachable', `${what} did not answer (${new URL(url).origin})`);
  }
  const read = await readBoundedText(response, MAX_ANSWER_BYTES);
  if (!read.ok) {
    throw new CliError('unexpected_answer', `${what} answered a body that is ${read.reason}`, {
      status: response.status,
    });
  }
  if (read.text === '') return { status: response.status, body: undefined };
  try {
    return { status: response.status, body: JSON.parse(read.text) as unknown };
  } catch {
    throw new CliError(
      'unexpected_answer',
      `${what} answered HTTP ${response.status} without JSON`,
      {
        status: response.status,
      },
    );
  }
}

/** A 200 JSON object, else `unexpected_answer`. */
export async function getJsonObject(
  url: string,
  what: string,
): Promise<Readonly<Record<string, unknown>>> {
  const answer = await requestJson(url, what);
  if (answer.status !== 200 || !isJsonObject(answer.body)) {
    throw new CliError(
      'unexpected_answer',
      `${what} answered HTTP ${answer.status} at ${url}, not a JSON object`,
      { status: answer.status },
    );
  }
  return answer.body;
}

export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
