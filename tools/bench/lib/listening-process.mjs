// @ts-check
// Spawns a node process that serves HTTP and resolves once it prints "listening on <url>": the
// bench's servers (the API on the functions host, the web server, the scripts of this folder)
// each run in their own process, so that none shares the load generator's event loop.
import { spawn } from 'node:child_process';

/** @import { RunningServer } from './emulator-process.mjs' */

/**
 * The URL a server printed, once its line is whole: a chunk may end inside the port.
 * @param {string} output
 */
function listeningUrl(output) {
  return /listening on (http:\/\/[\d.:]+)\s/.exec(output)?.[1];
}

/**
 * Runs `node …args` (standard error inherited) and resolves with its URL, its pid and a stop
 * (SIGTERM, then waits for the exit); rejects, with what it printed, if it exits first.
 * @param {string} name The server, for the error.
 * @param {readonly string[]} args
 * @param {NodeJS.ProcessEnv} [env] Its whole environment (default: this process's).
 * @returns {Promise<RunningServer>}
 */
export async function startListeningProcess(name, args, env) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    ...(env ? { env } : {}),
  });
  let output = '';
  /** @type {string} */
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      const found = listeningUrl(output);
      if (found) resolve(found);
    });
    child.once('exit', (code) => {
      reject(new Error(`${name} exited with ${code}: ${output}`));
    });
  });
  return {
    url,
    pid: /** @type {number} */ (child.pid), // a child that printed its URL has a pid
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
