/**
 * What a command may touch of the outside world, handed in rather than reached for, so that the
 * commands read the same under the binary and under a unit test.
 */
export interface CliStdin extends NodeJS.ReadableStream {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/** Standard streams, environment and clock of one run. */
export interface CliContext {
  readonly stdin: CliStdin;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** `--json`: machine-readable output on stdout, errors as JSON on stderr. */
  readonly json: boolean;
}

/** A variable of the environment; an empty value counts as unset. */
export function envValue(context: Pick<CliContext, 'env'>, name: string): string | undefined {
  const value = context.env[name];
  return value === undefined || value === '' ? undefined : value;
}
