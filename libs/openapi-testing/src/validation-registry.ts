import type { OpenApiDocument } from './openapi-document';
import type { ReceivedResponse } from './received-response';
import { ResponseChecker, type ResponseViolation } from './response-checker';

/**
 * Which origins are real app processes, with the document each serves, and the violations found
 * since they were last taken. Kept on `globalThis` under a registered symbol, so that a Jest setup
 * file and the test helpers share it even if they load this module separately.
 */
interface ValidationState {
  readonly checkers: Map<string, OriginChecks>;
  /** Compiled checkers by document text (servers left out): one compile per document. */
  readonly compiled: Map<string, ResponseChecker>;
  readonly violations: ResponseViolation[];
  /** The fetch in place before {@link installFetchValidation}, or the current one. */
  originalFetch: typeof fetch;
  installed: boolean;
}

/** What an origin's responses are checked against. */
interface OriginChecks {
  readonly checker: ResponseChecker;
  readonly ignore: (path: string) => boolean;
}

/** Options of {@link registerOrigin}. */
export interface RegisterOriginOptions {
  /**
   * Paths that are not the app's (the Functions host's own `/admin/functions/...`, say):
   * their responses are not checked.
   */
  readonly ignore?: (path: string) => boolean;
}

const STATE = Symbol.for('@ropc/openapi-testing/state');

/** The process-wide validation state. */
export function validationState(): ValidationState {
  const holder = globalThis as unknown as { [STATE]?: ValidationState };
  holder[STATE] ??= {
    checkers: new Map(),
    compiled: new Map(),
    violations: [],
    originalFetch: globalThis.fetch,
    installed: false,
  };
  return holder[STATE];
}

/**
 * Validates every later response from `origin` (`http://127.0.0.1:PORT`) against `document`.
 * The same document (whatever its `servers`) is compiled once.
 */
export function registerOrigin(
  origin: string,
  document: OpenApiDocument,
  options: RegisterOriginOptions = {},
): void {
  const state = validationState();
  const { servers: _servers, ...rest } = document;
  const key = JSON.stringify(rest);
  let checker = state.compiled.get(key);
  if (!checker) {
    checker = new ResponseChecker(document);
    state.compiled.set(key, checker);
  }
  state.checkers.set(new URL(origin).origin, { checker, ignore: options.ignore ?? (() => false) });
}

/** Stops validating `origin` (its process stopped; the port may be reused by a fake server). */
export function unregisterOrigin(origin: string): void {
  validationState().checkers.delete(new URL(origin).origin);
}

/**
 * Fetches the document `origin` serves at `documentPath` (with the unwrapped fetch) and registers
 * the origin with it: the responses are checked against what the process itself publishes.
 */
export async function registerServedDocument(
  origin: string,
  documentPath: string,
  options: RegisterOriginOptions = {},
): Promise<OpenApiDocument> {
  const response = await validationState().originalFetch(new URL(documentPath, origin));
  if (response.status !== 200)
    throw new Error(`${documentPath} answered ${response.status}, not the OpenAPI document`);
  const document = (await response.json()) as OpenApiDocument;
  registerOrigin(origin, document, options);
  return document;
}

/** Whether responses from `url`'s origin are checked. */
export function isRegisteredOrigin(url: string): boolean {
  return validationState().checkers.has(new URL(url).origin);
}

/**
 * Checks `received` when its URL is on a registered origin and keeps its violations for
 * {@link takeViolations}; returns them. Responses from other origins are not checked.
 */
export function recordResponse(received: ReceivedResponse): readonly ResponseViolation[] {
  const state = validationState();
  const url = new URL(received.url);
  const checks = state.checkers.get(url.origin);
  if (!checks || checks.ignore(url.pathname)) return [];
  const violations = checks.checker.check(received);
  state.violations.push(...violations);
  return violations;
}

/** The violations found since the last call, which forgets them. */
export function takeViolations(): ResponseViolation[] {
  return validationState().violations.splice(0);
}

/** The violations as a message: one line per violation, method, path, status and problem. */
export function formatViolations(violations: readonly ResponseViolation[]): string {
  const lines = violations.map(
    ({ method, path, status, pathTemplate, problem }) =>
      `- ${method} ${path} → ${status}${pathTemplate ? ` (${pathTemplate})` : ''}: ${problem}`,
  );
  return `${violations.length} response(s) differ from the OpenAPI document:\n${lines.join('\n')}`;
}
