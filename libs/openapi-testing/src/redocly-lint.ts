import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One problem Redocly reported. */
export interface LintProblem {
  readonly ruleId: string;
  readonly severity: 'error' | 'warn';
  readonly message: string;
  /** Where, as JSON pointers into the document. */
  readonly pointers: readonly string[];
}

interface RedoclyJsonReport {
  readonly problems: readonly {
    readonly ruleId: string;
    readonly severity: 'error' | 'warn';
    readonly message: string;
    readonly location?: readonly { readonly pointer?: string }[];
  }[];
}

/** The workspace's installed Redocly CLI. */
const REDOCLY_BIN = join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'redocly');

/**
 * Lints `document` with the installed `redocly lint --format=json` under `configPath` (a
 * redocly.yaml) and answers every error and warning. The document goes through a temporary file
 * that is removed after. Redocly's telemetry and update check are switched off.
 */
export async function lintWithRedocly(
  document: unknown,
  configPath: string,
): Promise<LintProblem[]> {
  const directory = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  const file = join(directory, 'openapi.json');
  writeFileSync(file, JSON.stringify(document, null, 2));
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        REDOCLY_BIN,
        ['lint', file, `--config=${configPath}`, '--format=json'],
        {
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: 'off',
            REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          },
          maxBuffer: 16 * 1024 * 1024,
        },
        // Redocly exits 1 when it found errors: the JSON report on stdout says which.
        (error, out, stderr) => {
          if (out.trim().startsWith('{')) resolve(out);
          else reject(new Error(`redocly lint failed: ${error?.message ?? ''}\n${stderr}`));
        },
      );
    });
    const report = JSON.parse(stdout) as RedoclyJsonReport;
    return report.problems.map(({ ruleId, severity, message, location }) => ({
      ruleId,
      severity,
      message,
      pointers: (location ?? []).map((each) => each.pointer ?? ''),
    }));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
