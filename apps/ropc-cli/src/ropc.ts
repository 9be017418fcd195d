import { runCli } from './run-cli';

// The `ropc` executable. exitCode, not exit(): stdout is flushed before the process ends.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
