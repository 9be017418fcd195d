import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import type { CliContext } from '../cli/cli-context';
import type { CommandOutcome } from '../cli/command-outcome';
import { resolveEmulatorBin } from '../emulator/resolve-emulator-bin';

/** The banner's first line names the URL: "… emulator for contoso… on http://localhost:7072". */
const BANNER_URL = / on (https?:\/\/\S+)/;

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Passes the signals `ropc` receives on to the emulator. Ctrl-C on a terminal already reaches
 * every process of the foreground group, the emulator included, so SIGINT is passed on only
 * when stdin is not a terminal: a second one would cut the emulator's graceful stop short.
 */
function forwardSignals(context: CliContext, child: ChildProcess): () => void {
  const handlers = FORWARDED_SIGNALS.filter(
    (signal) => signal !== 'SIGINT' || context.stdin.isTTY !== true,
  ).map((signal) => {
    const handler = (): void => {
      child.kill(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  // A terminal's Ctrl-C must not end ropc before the emulator has stopped.
  const ignoreInterrupt = (): void => undefined;
  if (context.stdin.isTTY === true) process.on('SIGINT', ignoreInterrupt);
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    process.removeListener('SIGINT', ignoreInterrupt);
  };
}

/** In `--json` mode: the emulator's output goes to stderr, and one line says where it listens. */
function announceWhenStarted(context: CliContext, child: ChildProcess): void {
  let printed = '';
  let announced = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    context.stderr.write(chunk);
    if (announced) return;
    printed += chunk.toString('utf8');
    const url = BANNER_URL.exec(printed)?.[1];
    if (url === undefined) return;
    announced = true;
    context.stdout.write(`${JSON.stringify({ status: 'started', url, pid: child.pid })}\n`);
  });
  child.stderr?.on('data', (chunk: Buffer) => context.stderr.write(chunk));
}

/**
 * `ropc emulator start [emulator flags…]`: runs the emulator's standalone bin with the flags as
 * given, its output on this terminal, signals passed on; ends when it does, with its exit code.
 */
export async function emulatorStartCommand(
  context: CliContext,
  args: readonly string[],
): Promise<CommandOutcome> {
  const forwarded = args.filter((arg) => arg !== '--json');
  const bin = resolveEmulatorBin(__dirname, process.cwd());
  const child = spawn(process.execPath, [bin, ...forwarded], {
    stdio: context.json ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    env: process.env,
  });
  const stopForwarding = forwardSignals(context, child);
  if (context.json) announceWhenStarted(context, child);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
    });
  });
  stopForwarding();
  return {
    text: '',
    json: { status: 'stopped', exitCode },
    ...(exitCode === 0 ? {} : { exitCode }),
  };
}
