#!/usr/bin/env node
/**
 * `ropc`: the command line of this repository — sign in to Azure AD B2C (ROPC) and Entra
 * External ID (native authentication), refresh, decode and verify tokens, manage the emulator's
 * users, start the emulator. See apps/cli/README.md.
 */
import { version } from '../package.json';
import { wantsJson } from './cli/parse-options';
import { runCli } from './cli/run-cli';

const args = process.argv.slice(2);

void runCli(
  {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: Date.now,
    json: wantsJson(args),
  },
  args,
  version,
).then((code) => {
  // Not process.exit(): stdout may still be draining into a pipe.
  process.exitCode = code;
});
