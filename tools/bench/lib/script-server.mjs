// @ts-check
// Runs a server script of this folder in its own node process (so that it never shares the load
// generator's event loop) and resolves once it prints "listening on <url>".
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** @import { RunningServer } from './emulator-process.mjs' */

/**
 * @param {string} script A file of this folder.
 * @param {{ env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startScriptServer(script, { env } = {}) {
  const child = spawn(process.execPath, [join(import.meta.dirname, script)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    ...(env ? { env } : {}),
  });
  let output = '';
  /** @type {string} */
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`${script} exited with ${code}: ${output}`));
    });
  });
  return {
    url,
    pid: /** @type {number} */ (child.pid), // a child that printed its URL has a pid
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
