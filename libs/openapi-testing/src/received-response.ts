/** A response as a test received it, whichever client fetched it. */
export interface ReceivedResponse {
  /** The request's method, any case. */
  readonly method: string;
  /** The request's absolute URL. */
  readonly url: string;
  readonly status: number;
  /** A response header by name (any case), `null` when absent; `set-cookie` joined by `, `. */
  header(name: string): string | null;
  /** The body as text (empty when there was none). */
  readonly body: string;
}

/** A {@link ReceivedResponse} of a fetch `Response` (read from a clone: the original stays unread). */
export async function receivedFromFetch(
  method: string,
  response: Response,
  url: string = response.url,
): Promise<ReceivedResponse> {
  const body = await response.clone().text();
  return {
    method,
    url,
    status: response.status,
    header: (name) => response.headers.get(name),
    body,
  };
}

/** A {@link ReceivedResponse} of node:http's headers (`IncomingHttpHeaders`) and a read body. */
export function receivedFromNodeHttp(
  method: string,
  url: string,
  status: number,
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  body: string,
): ReceivedResponse {
  return {
    method,
    url,
    status,
    header: (name) => {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return typeof value === 'string' ? value : value.join(', ');
    },
    body,
  };
}
