import type { ErrorReport, StepReport } from '@ropc/native-auth-testing';

/** A sequence of `it` steps that share state. */
export interface Scenario {
  /** A step that needs every earlier step: once one failed, it fails at once, naming it. */
  step(name: string, body: () => Promise<void>, timeoutMs?: number): void;
  /** A check that needs only the earlier `step`s, not the other checks. */
  check(name: string, body: () => Promise<void>, timeoutMs?: number): void;
}

/**
 * Declares steps that run in order and share state. A failing step's error gets `diagnostics()`
 * (browser events, the SDK's log, the emulator's output) appended, so that the failure says what
 * the SDK and the emulator did.
 */
export function scenario(diagnostics: () => Promise<string>): Scenario {
  let failedStep: string | undefined;
  let failedAny: string | undefined;
  const declare = (
    name: string,
    body: () => Promise<void>,
    timeoutMs: number | undefined,
    blockedBy: () => string | undefined,
    isStep: boolean,
  ): void => {
    it(
      name,
      async () => {
        const blocker = blockedBy();
        if (blocker !== undefined) {
          const skipped = new Error(`not run: the earlier step "${blocker}" failed`);
          skipped.stack = `Error: ${skipped.message}`; // no code frame: nothing failed here
          throw skipped;
        }
        try {
          await body();
        } catch (error) {
          failedAny ??= name;
          if (isStep) failedStep ??= name;
          throw await withDiagnostics(error, diagnostics);
        }
      },
      timeoutMs,
    );
  };
  return {
    step(name, body, timeoutMs) {
      declare(name, body, timeoutMs, () => failedAny, true);
    },
    check(name, body, timeoutMs) {
      declare(name, body, timeoutMs, () => failedStep, false);
    },
  };
}

async function withDiagnostics(error: unknown, diagnostics: () => Promise<string>): Promise<Error> {
  let extra: string;
  try {
    extra = await diagnostics();
  } catch (reason) {
    extra = `(diagnostics failed: ${String(reason)})`;
  }
  const original = error instanceof Error ? error : new Error(String(error));
  const message = `${original.message}\n\n${extra}`;
  const wrapped = new Error(message);
  // Jest prints the stack: keep the original frames under the longer message.
  const frames = (original.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  wrapped.stack = [`Error: ${message}`, ...frames].join('\n');
  return wrapped;
}

/** One line per fact of an SDK error. */
export function formatSdkError(error: ErrorReport): string {
  return [
    `${error.type} wrapping ${error.dataType} "${error.error}"`,
    `  description: ${error.errorDescription ?? '(none)'}`,
    `  error codes: [${error.errorCodes.join(', ')}]; suberror: ${error.subError ?? '(none)'}; correlation id: ${error.correlationId ?? '(none)'}`,
    `  helpers that are true: [${error.is.join(', ')}]`,
  ].join('\n');
}

/**
 * Asserts a step's state type and exactly which `is*()` predicates of its result are true; on a
 * mismatch, throws with the SDK's error spelled out and the whole report.
 */
export function expectStep(
  what: string,
  report: StepReport,
  expected: { readonly state: string; readonly is: readonly string[] },
): void {
  const sameIs =
    report.is.length === expected.is.length &&
    [...expected.is].sort().every((name, index) => report.is[index] === name);
  if (report.state === expected.state && sameIs) return;
  throw new Error(
    [
      `${what}: expected ${expected.state} [${expected.is.join(', ')}], ` +
        `got ${report.state} [${report.is.join(', ')}] from ${report.result}`,
      report.error ? `SDK error: ${formatSdkError(report.error)}` : 'no SDK error',
      `report: ${JSON.stringify(report, null, 2)}`,
    ].join('\n'),
  );
}

/** Asserts that a step failed with an error whose true helpers are exactly `helpers`. */
export function expectFailure(
  what: string,
  report: StepReport,
  expected: { readonly state: string; readonly helpers: readonly string[] },
): ErrorReport {
  expectStep(what, report, { state: expected.state, is: ['isFailed'] });
  const error = report.error;
  if (!error) throw new Error(`${what}: failed without an error: ${JSON.stringify(report)}`);
  const sameHelpers =
    error.is.length === expected.helpers.length &&
    [...expected.helpers].sort().every((name, index) => error.is[index] === name);
  if (!sameHelpers) {
    throw new Error(
      `${what}: expected the error helpers [${expected.helpers.join(', ')}] to be the true ones\n` +
        `SDK error: ${formatSdkError(error)}`,
    );
  }
  return error;
}

/** The payload of a JWT, unverified (the emulator signs; this test reads what MSAL was given). */
export function jwtPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || payload === undefined) {
    throw new Error(`not a JWT of three parts: ${token.slice(0, 40)}…`);
  }
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
