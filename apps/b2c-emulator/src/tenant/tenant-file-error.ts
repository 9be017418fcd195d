/** One mistake in a tenant file. */
export interface TenantFileProblem {
  /**
   * JSON pointer (RFC 6901) to the offending value, or to the missing or unknown property, e.g.
   * `/users/1/identities/0/issuerAssignedId`; `''` is the whole file.
   */
  readonly path: string;
  /** What is wrong, e.g. `is required`. Never quotes a password or password hash. */
  readonly message: string;
}

/**
 * The tenant file cannot be loaded. `problems` lists every mistake found, not only the first, so
 * one edit can fix them all. Neither the message nor the problems hold a password or hash.
 */
export class TenantFileError extends Error {
  readonly code = 'ERR_TENANT_FILE' as const;
  readonly problems: readonly TenantFileProblem[];
  /** The file's path, when the tenant was read from a file. */
  readonly file: string | undefined;

  constructor(problems: readonly TenantFileProblem[], file?: string) {
    super(describeProblems(problems, file));
    this.name = 'TenantFileError';
    this.problems = problems;
    this.file = file;
  }
}

/** The message lists the problems too, because a startup failure is often read only in a log. */
function describeProblems(
  problems: readonly TenantFileProblem[],
  file: string | undefined,
): string {
  const subject = file === undefined ? 'The tenant file' : `The tenant file ${file}`;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((problem) => `  ${problem.path || '(file)'}: ${problem.message}`);
  return [`${subject} has ${count}:`, ...lines].join('\n');
}

/** True for a {@link TenantFileError}, also across module copies (checks the stable code). */
export function isTenantFileError(value: unknown): value is TenantFileError {
  return value instanceof Error && (value as Partial<TenantFileError>).code === 'ERR_TENANT_FILE';
}
