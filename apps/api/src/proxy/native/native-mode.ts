import type { HttpRequest } from '@azure/functions';
import type { ApiConfig } from '../../config';
import { passesCsrfCheck } from '../csrf-check';
import type { NativeRefusal } from './native-error';
import type { NativeMode } from './native-flow';

/**
 * The mode of a request, or why it is refused. `X-Requested-With: XMLHttpRequest` is the cookie
 * mode, under the B2C proxy's CSRF rule (an `Origin`, when sent, must be allowed) — only it may set
 * cookies. Without it the request is Microsoft's SDK: refused unless `AUTH_NATIVE_PASSTHROUGH=on`,
 * and then only from an allowed `Origin` or with `Sec-Fetch-Site: same-origin`.
 */
export function nativeModeOf(
  request: HttpRequest,
  config: ApiConfig,
): { mode: NativeMode } | { refusal: NativeRefusal } {
  if (request.headers.get('x-requested-with') !== null) {
    return passesCsrfCheck(request, config.allowedOrigins)
      ? { mode: 'cookie' }
      : { refusal: { kind: 'cross_site' } };
  }
  if (!config.nativeProxy.passthrough) return { refusal: { kind: 'passthrough_off' } };
  const origin = request.headers.get('origin');
  const sameOrigin = request.headers.get('sec-fetch-site') === 'same-origin';
  if (origin !== null ? config.allowedOrigins.includes(origin) : sameOrigin)
    return { mode: 'passthrough' };
  return { refusal: { kind: 'cross_site' } };
}
