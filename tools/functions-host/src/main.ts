// CLI entry point: `node dist/tools/functions-host/main.js <appDir> [options]`. See
// cli/parse-cli-args.ts.
import { formatStartupBanner } from './cli/format-startup-banner';
import { parseCliArgs, USAGE, UsageError, type CliCommand } from './cli/parse-cli-args';
import { describeError } from './describe-error';
import { startFunctionsHost } from './start-functions-host';

async function main(args: readonly string[]): Promise<void> {
  let command: CliCommand;
  try {
    command = parseCliArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const host = await startFunctionsHost(command.options);
  process.stdout.write(`${formatStartupBanner(host).join('\n')}\n`);
  const stop = (signal: NodeJS.Signals): void => {
    process.stdout.write(`Received ${signal}; shutting down.\n`);
    // A second signal while closing ends the process at once.
    process.once(signal, () => process.exit(1));
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${describeError(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`functions-host: ${describeError(error)}\n`);
  process.exitCode = 1;
});
