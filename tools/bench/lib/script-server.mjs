// @ts-check
// Runs a server script of this folder in its own node process (so that it never shares the load
// generator's event loop) and resolves once it prints "listening on <url>".
import { join } from 'node:path';
import { startListeningProcess } from './listening-process.mjs';

/** @import { RunningServer } from './emulator-process.mjs' */

/**
 * @param {string} script A file of this folder.
 * @param {{ env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<RunningServer>}
 */
export function startScriptServer(script, { env } = {}) {
  return startListeningProcess(script, [join(import.meta.dirname, script)], env);
}
