import { receivedFromNodeHttp, recordResponse } from '@ropc/openapi-testing';
import { compactDecrypt } from 'jose';
import { request } from 'node:http';
import { COOKIE_KEYS, NOTES_READ, NOTES_WRITE, WEB_ORIGIN } from './start-stack';

/** The headers the web client sends to the proxy: the CSRF header and its own origin. */
export const XHR = { 'X-Requested-With': 'XMLHttpRequest', Origin: WEB_ORIGIN };
export const SCOPE = `openid offline_access ${NOTES_READ} ${NOTES_WRITE}`;

/** An answer: status, headers, the body as text and parsed (`{}` when empty). */
export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

/** POSTs `form` (or nothing) with `headers`. */
export async function post(
  url: string,
  form: Record<string, string> | undefined,
  headers: Record<string, string>,
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      ...headers,
    },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** The `name=...` pair of a response's Set-Cookie, ready to send back in a Cookie header. */
export function cookieOf(answer: Answer, name: string): string {
  const header = answer.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
  return (header ?? '').split(';')[0] ?? '';
}

/** The `ropc_session=...` pair of a response. */
export function sessionCookieOf(answer: Answer): string {
  return cookieOf(answer, 'ropc_session');
}

/** The refresh token sealed in a session cookie (the tests hold the cookie key). */
export async function refreshTokenInside(cookie: string): Promise<string> {
  const key = Buffer.from(COOKIE_KEYS.split(':')[1] ?? '', 'base64');
  const { plaintext } = await compactDecrypt(cookie.slice('ropc_session='.length), key);
  return (JSON.parse(new TextDecoder().decode(plaintext)) as { rt: string }).rt;
}

/** The first line of an error description: `AADB2C90225: …`, or the proxy's own sentence. */
export const codeOf = (answer: Answer): string =>
  String(answer.body['error_description']).split('\r\n')[0] ?? '';

/**
 * The `index`-th of a series of wrong passwords that smart lockout counts as distinct (each ends
 * in its own letters, so none is near-identical to another).
 */
export function distinctWrongPassword(prefix: string, index: number): string {
  return `${prefix}-${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`;
}

/** POSTs a form with a given Host header (fetch cannot set it); status and Set-Cookie values. */
export function postWithHost(
  url: string,
  host: string,
  form: Record<string, string>,
  headers: Record<string, string>,
): Promise<{ status: number; setCookies: string[] }> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          host,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          // The same check as every fetch of the suites gets (test/openapi-validation.setup.ts).
          recordResponse(
            receivedFromNodeHttp(
              'POST',
              url,
              response.statusCode ?? 0,
              response.headers,
              Buffer.concat(chunks).toString('utf8'),
            ),
          );
          resolve({
            status: response.statusCode ?? 0,
            setCookies: response.headers['set-cookie'] ?? [],
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
