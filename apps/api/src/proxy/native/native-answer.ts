import type { Cookie, HttpRequest, HttpResponseInit } from '@azure/functions';
import { NO_STORE } from '../no-store';
import { retryAfterSeconds } from '../upstream-backoff';
import { sealContinuation, MAX_WRAPPER_SECONDS } from './continuation-wrapper';
import type { NativeAuthProxy } from './native-auth-proxy';
import { nativeErrorResponse } from './native-error';
import type { NativeFlow, NativeMode } from './native-flow';
import type { NativeUpstreamAnswer } from './native-upstream';

/** Who the continuation tokens of an answer are for, and in which flow and mode. */
export interface WrapContext {
  readonly username: string;
  readonly flow: NativeFlow;
  readonly mode: NativeMode;
}

/**
 * The body with its `continuation_token` — of a success or of an error such as
 * `credential_required` — replaced by the proxy's wrapper of it.
 */
export async function wrapContinuation(
  proxy: NativeAuthProxy,
  body: Record<string, unknown>,
  context: WrapContext,
): Promise<Record<string, unknown>> {
  const upstream = body['continuation_token'];
  if (typeof upstream !== 'string' || upstream === '') return body;
  const wrapped = await sealContinuation(
    {
      ct: upstream,
      usr: context.username,
      flow: context.flow,
      mode: context.mode,
      exp: proxy.nowSeconds() + MAX_WRAPPER_SECONDS,
    },
    proxy.config.cookieKeys,
  );
  return { ...body, continuation_token: wrapped };
}

/** The allowed headers of the authority's answer, with `Cache-Control: no-store`. */
function answerHeaders(
  answer: NativeUpstreamAnswer & { kind: 'answered' },
): Record<string, string> {
  const headers: Record<string, string> = {
    ...NO_STORE,
    'Content-Type': 'application/json; charset=utf-8',
  };
  for (const [name, value] of Object.entries(answer.headers)) {
    if (name === 'retry-after') headers['Retry-After'] = String(retryAfterSeconds(value, 1));
    else headers[name] = value;
  }
  return headers;
}

/**
 * The browser's answer: the authority's status and JSON with the continuation token wrapped and
 * only allowed headers; the proxy's 503 / 502 in the native-auth envelope when the authority is
 * unreachable or failing. `cookies` are added as given (cookie mode only).
 */
export function nativeAnswerResponse(
  request: HttpRequest,
  answer: NativeUpstreamAnswer,
  body: Record<string, unknown> | undefined,
  cookies: Cookie[] = [],
): HttpResponseInit {
  switch (answer.kind) {
    case 'unreachable':
      return nativeErrorResponse(
        { kind: 'unreachable', retryAfterSeconds: retryAfterSeconds(answer.retryAfter, 5) },
        request,
      );
    case 'failed':
      return nativeErrorResponse({ kind: 'upstream_failed' }, request);
    case 'answered':
      return {
        status: answer.status,
        headers: answerHeaders(answer),
        jsonBody: body ?? answer.body,
        ...(cookies.length > 0 ? { cookies } : {}),
      };
  }
}
