import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { WORKSPACE } from './walkthrough-stack';

const HTTPYAC = join(WORKSPACE, 'node_modules', '.bin', 'httpyac');
export const WALKTHROUGH = join(WORKSPACE, 'http', 'walkthrough.http');
/** The whole walkthrough takes a second or two; far longer means something hangs. */
const RUN_TIMEOUT_MS = 30_000;

/** One test (a `client.test` of a response handler) of one request, as httpyac reports it. */
export interface RequestTest {
  readonly name: string;
  readonly status: 'SUCCESS' | 'FAILED' | 'ERROR' | 'SKIPPED';
  /** Why it failed: the assertion's message. */
  readonly failure?: string;
}

/** One request of the run: its `# @name`, the status it got (none when skipped) and its tests. */
export interface RequestOutcome {
  readonly name: string;
  readonly statusCode?: number;
  readonly tests: readonly RequestTest[];
}

/** What a run of the walkthrough did. Holds no request or response body: those carry secrets. */
export interface WalkthroughRun {
  readonly exitCode: number;
  readonly summary: Readonly<Record<string, number>>;
  readonly requests: readonly RequestOutcome[];
}

/** The parts of httpyac's `--json` output read here. */
interface HttpyacJson {
  readonly summary: Record<string, number>;
  readonly requests: readonly {
    readonly name: string;
    readonly response?: { readonly statusCode: number };
    readonly testResults?: readonly {
      readonly message: string;
      readonly status: RequestTest['status'];
      readonly error?: { readonly displayMessage?: string };
    }[];
  }[];
}

function toOutcome(request: HttpyacJson['requests'][number]): RequestOutcome {
  return {
    name: request.name,
    ...(request.response ? { statusCode: request.response.statusCode } : {}),
    tests: (request.testResults ?? []).map((test) => ({
      name: test.message,
      status: test.status,
      ...(test.error?.displayMessage ? { failure: test.error.displayMessage } : {}),
    })),
  };
}

/** `text` with every variable's value that is not a URL (a key, a password) blanked out. */
function redact(text: string, variables: Readonly<Record<string, string>>): string {
  const secrets = Object.values(variables).filter((value) => !/^https?:\/\//.test(value));
  return secrets.reduce((result, secret) => result.split(secret).join('***'), text);
}

/**
 * Runs `httpyac send http/walkthrough.http --all` in the dev environment with `variables`
 * overriding it (the test stack's URLs and admin key), and reads its JSON report. `bail` stops at
 * the first failed test, as a developer would want on the command line.
 */
export function runWalkthrough(
  variables: Readonly<Record<string, string>>,
  options: { readonly bail?: boolean } = {},
): Promise<WalkthroughRun> {
  const args = [
    'send',
    WALKTHROUGH,
    '--all',
    '--env',
    'dev',
    '--json',
    ...(options.bail ? ['--bail'] : []),
    '--var',
    ...Object.entries(variables).map(([name, value]) => `${name}=${value}`),
  ];
  return new Promise((resolve, reject) => {
    execFile(
      HTTPYAC,
      args,
      {
        cwd: WORKSPACE,
        env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
        timeout: RUN_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        let report: HttpyacJson;
        try {
          report = JSON.parse(stdout) as HttpyacJson;
        } catch {
          const said = redact(stderr, variables);
          reject(new Error(`httpyac exited with ${String(exitCode)} without a report:\n${said}`));
          return;
        }
        resolve({ exitCode, summary: report.summary, requests: report.requests.map(toOutcome) });
      },
    );
  });
}
