// @ts-check
// The soak's results: percentiles per time window, memory growth after warm-up, the verdict on
// each goal, SOAK.md and an SVG chart of memory and p99 latency over time.
import { cpus, release, totalmem } from 'node:os';

/**
 * One reading of a process's resident memory.
 * @typedef {object} MemorySample
 * @property {number} at Date.now() of the reading.
 * @property {number} rss MiB.
 */

/**
 * The requests of one time window and their latency percentiles (ms).
 * @typedef {object} LatencyWindow
 * @property {number} start
 * @property {number} end
 * @property {number} requests
 * @property {number} errors
 * @property {number | undefined} p50 Undefined when the window had no request.
 * @property {number | undefined} p95
 * @property {number | undefined} p99
 */

/**
 * RSS of the first minute after warm-up (median) against the last minute's, in MiB.
 * @typedef {object} MemoryGrowth
 * @property {number} first
 * @property {number} last
 * @property {number} growth (last - first) / first.
 */

/**
 * A goal and how the run did against it.
 * @typedef {object} Verdict
 * @property {string} goal
 * @property {string} measured
 * @property {boolean} met
 */

/**
 * How the soak was run.
 * @typedef {object} SoakSettings
 * @property {number} seconds
 * @property {number} minutes
 * @property {number} users
 * @property {number} warmUpSeconds
 * @property {number} sampleSeconds
 * @property {number} windowSeconds
 * @property {string} pace
 */

/**
 * The p-th percentile (0–100) of numbers.
 * @param {readonly number[]} values
 * @param {number} p
 */
export function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const median = (/** @type {readonly number[]} */ values) => percentile(values, 50);

/**
 * Memory growth of one process: the median RSS of the first minute after warm-up against the
 * median of the last minute, as a fraction.
 * @param {readonly MemorySample[]} samples
 * @param {number} warmUpEndsAt
 * @param {number} endsAt
 * @returns {MemoryGrowth | undefined}
 */
export function memoryGrowth(samples, warmUpEndsAt, endsAt) {
  const after = samples.filter((sample) => sample.at >= warmUpEndsAt);
  const first = median(
    after.filter((sample) => sample.at < warmUpEndsAt + 60_000).map((s) => s.rss),
  );
  const last = median(after.filter((sample) => sample.at >= endsAt - 60_000).map((s) => s.rss));
  return first && last ? { first, last, growth: (last - first) / first } : undefined;
}

/**
 * The SVG chart: RSS of each process (MiB, left axis) and p99 latency (ms, right axis).
 * @param {object} run
 * @param {Readonly<Record<string, readonly MemorySample[]>>} run.memory By process.
 * @param {readonly LatencyWindow[]} run.windows
 * @param {number} run.startedAt
 * @param {number} run.endsAt
 */
export function chartSvg({ memory, windows, startedAt, endsAt }) {
  const width = 760;
  const height = 300;
  const left = 60;
  const right = 60;
  const top = 20;
  const bottom = 40;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const x = (/** @type {number} */ at) =>
    left + ((at - startedAt) / Math.max(1, endsAt - startedAt)) * plotWidth;
  const maxRss =
    Math.max(
      1,
      ...Object.values(memory)
        .flat()
        .map((s) => s.rss),
    ) * 1.1;
  const maxP99 = Math.max(1, ...windows.map((w) => w.p99 ?? 0)) * 1.1;
  const yRss = (/** @type {number} */ rss) => top + plotHeight - (rss / maxRss) * plotHeight;
  const yP99 = (/** @type {number} */ ms) => top + plotHeight - (ms / maxP99) * plotHeight;
  const colours = ['#1f77b4', '#2ca02c', '#9467bd'];
  const lines = Object.entries(memory).map(([name, samples], index) => ({
    name: `${name} RSS`,
    colour: colours[index % colours.length],
    points: samples.map((s) => `${x(s.at).toFixed(1)},${yRss(s.rss).toFixed(1)}`).join(' '),
  }));
  lines.push({
    name: 'p99 latency (right axis)',
    colour: '#d62728',
    points: windows
      .filter((w) => w.p99 !== undefined)
      .map((w) => `${x(w.end).toFixed(1)},${yP99(/** @type {number} */ (w.p99)).toFixed(1)}`)
      .join(' '),
  });
  const minutes = Math.round((endsAt - startedAt) / 60_000);
  const ticks = Array.from({ length: minutes + 1 }, (_, minute) => {
    const at = startedAt + minute * 60_000;
    return `<line x1="${x(at)}" y1="${top + plotHeight}" x2="${x(at)}" y2="${top + plotHeight + 4}" stroke="#555"/><text x="${x(at)}" y="${top + plotHeight + 16}" font-size="10" text-anchor="middle">${minute}</text>`;
  });
  const legend = lines.map(
    (line, index) =>
      `<rect x="${left + 10 + index * 180}" y="${top + 4}" width="10" height="10" fill="${line.colour}"/><text x="${left + 24 + index * 180}" y="${top + 13}" font-size="11">${line.name}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#555"/>
<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="#555"/>
<line x1="${left + plotWidth}" y1="${top}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="#555"/>
<text x="14" y="${top + plotHeight / 2}" font-size="11" transform="rotate(-90 14 ${top + plotHeight / 2})" text-anchor="middle">RSS, MiB (0–${Math.round(maxRss)})</text>
<text x="${width - 12}" y="${top + plotHeight / 2}" font-size="11" transform="rotate(90 ${width - 12} ${top + plotHeight / 2})" text-anchor="middle">p99 latency, ms (0–${Math.round(maxP99)})</text>
<text x="${left + plotWidth / 2}" y="${height - 6}" font-size="11" text-anchor="middle">minutes</text>
${ticks.join('\n')}
${lines.map((line) => `<polyline fill="none" stroke="${line.colour}" stroke-width="1.5" points="${line.points}"/>`).join('\n')}
${legend.join('\n')}
</svg>
`;
}

const fmt = (/** @type {number | undefined} */ value, digits = 1) =>
  value === undefined ? '—' : value.toFixed(digits);

/**
 * SOAK.md: the verdict, the goals, the windows, memory, and how the run was made.
 * @param {object} run
 * @param {readonly Verdict[]} run.verdicts
 * @param {Omit<LatencyWindow, 'start' | 'end'>} run.totals The whole run.
 * @param {readonly LatencyWindow[]} run.windows
 * @param {Readonly<Record<string, MemoryGrowth | undefined>>} run.growth By process.
 * @param {readonly string[]} run.problems
 * @param {SoakSettings} run.settings
 * @param {Date} run.startedAt
 */
export function soakMarkdown({ verdicts, totals, windows, growth, problems, settings, startedAt }) {
  const cpu = cpus();
  const lines = [
    '# Soak',
    '',
    `\`npm run soak\` on ${startedAt.toISOString()}: ${settings.minutes} minutes of steady mixed load (sign-ins, refreshes, notes create/read/update/list/delete, /api/me) from ${settings.users} virtual users through the sign-in proxy and the API, the emulator and the API keeping their state on Azurite. Generated; do not edit.`,
    '',
    '| goal | measured | met |',
    '| --- | --- | --- |',
    ...verdicts.map((v) => `| ${v.goal} | ${v.measured} | ${v.met ? 'yes' : '**no**'} |`),
    '',
    `${totals.requests} requests, ${totals.errors} errors; latency p50 ${fmt(totals.p50)} ms, p95 ${fmt(totals.p95)} ms, p99 ${fmt(totals.p99)} ms over the whole run.`,
    '',
    '![RSS of the API and the emulator, and p99 latency, over the run](soak-chart.svg)',
    '',
    '## Memory (RSS, MiB)',
    '',
    '| process | first minute after warm-up (median) | last minute (median) | growth |',
    '| --- | --- | --- | --- |',
    ...Object.entries(growth).map(([name, g]) =>
      g
        ? `| ${name} | ${fmt(g.first)} | ${fmt(g.last)} | ${fmt(g.growth * 100)} % |`
        : `| ${name} | — | — | — |`,
    ),
    '',
    `## Latency per ${settings.windowSeconds} s window (ms)`,
    '',
    '| window ends (min) | requests | errors | p50 | p95 | p99 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...windows.map(
      (w) =>
        `| ${fmt((w.end - startedAt.getTime()) / 60_000, 1)} | ${w.requests} | ${w.errors} | ${fmt(w.p50)} | ${fmt(w.p95)} | ${fmt(w.p99)} |`,
    ),
    '',
    '## Problems',
    '',
    ...(problems.length === 0 ? ['None.'] : problems.slice(0, 50).map((problem) => `- ${problem}`)),
    '',
    '## How it was run',
    '',
    `- ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}.`,
    `- Warm-up ${settings.warmUpSeconds} s (not judged); memory sampled every ${settings.sampleSeconds} s from /proc; each user paces itself (about ${settings.pace}), so the load is steady rather than maximal.`,
    '- Azurite 3.35.0 in memory on this machine; the API with one trusted hop, each user from its own address; users created for the soak through the Graph-shaped API.',
    '',
  ];
  return lines.join('\n');
}
