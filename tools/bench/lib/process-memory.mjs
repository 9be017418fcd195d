// @ts-check
// Resident memory of a process (Linux /proc), once or as the peak over a stretch of load.
import { readFile } from 'node:fs/promises';

/**
 * Resident set size of process `pid` in MB (2^20 bytes), from /proc/<pid>/status's VmRSS.
 * @param {number} pid
 */
export async function residentMegabytes(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/**
 * Samples the resident memory of each process every `intervalMs` until `stop()`, which resolves
 * with each one's peak (MB), in the order of `pids`.
 * @param {readonly number[]} pids
 * @param {number} [intervalMs]
 */
export function sampleResidentPeaks(pids, intervalMs = 50) {
  const peaks = pids.map(() => 0);
  const sampleAll = () =>
    Promise.all(
      pids.map(async (pid, index) => {
        peaks[index] = Math.max(/** @type {number} */ (peaks[index]), await residentMegabytes(pid));
      }),
    );
  let sampling = sampleAll();
  const timer = setInterval(() => {
    sampling = sampling.then(sampleAll);
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await sampling.then(sampleAll);
      return peaks;
    },
  };
}
