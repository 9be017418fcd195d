// @ts-check
// Turns figures into one summary line each and the BENCHMARKS.md report: ratios first, absolute
// figures second, then notes and the machine. Every figure carries its time budget; a figure over
// budget, or one that produced no value, says so in its line and in the report.
import { cpus, totalmem, release } from 'node:os';
import { SUITE_LIMIT_SECONDS } from './budget.mjs';
import { costOfScaleLines } from './cost-of-scale.mjs';

/** @import { BenchOptions, FigureBudget } from './budget.mjs' */
/** @import { Summary } from './measure.mjs' */

/**
 * A figure's goal: one of these, judged on its ratio to the baseline (`min`, `maxCost`,
 * `cheaperBy`) or on its median (`maxAbsolute`, `atMost`, in the figure's unit).
 * @typedef {object} Goal
 * @property {number} [min] The ratio is at least this.
 * @property {number} [maxCost] Cost per operation (rates inverted) is at most this many baselines.
 * @property {number} [cheaperBy] The baseline costs at least this many times as much.
 * @property {number} [maxAbsolute] The median is below this.
 * @property {number} [atMost] The median is at most this (a count that may reach it, say).
 */

/**
 * What a figure is compared with, measured in the same run.
 * @typedef {object} Baseline
 * @property {string} title
 * @property {number | undefined} value
 */

/**
 * One line of the report: a measured figure, or a stand-in for one that produced no value.
 * @typedef {object} Figure
 * @property {string} id
 * @property {string} title
 * @property {string} unit `×` for a figure that is itself a ratio.
 * @property {Summary | undefined} value
 * @property {FigureBudget} [budget]
 * @property {string} [error] Why there is no value.
 * @property {Baseline} [baseline]
 * @property {Goal} [goal]
 * @property {string} [versus] What a ratio figure divides, for the report.
 * @property {string} [note]
 */

/**
 * How the run was made, for the report's opening lines.
 * @typedef {object} RunTimes
 * @property {string} startedAt ISO time.
 * @property {number} durationSeconds The whole run, build included.
 * @property {number} buildSeconds
 */

/**
 * A figure's evaluation.
 * @typedef {object} Evaluation
 * @property {number | undefined} ratio Undefined without a value or a baseline.
 * @property {string} goalText
 * @property {boolean} hasGoal
 * @property {boolean | undefined} meets Undefined without a goal or nothing to judge it by.
 */

const fmt = (/** @type {number | undefined} */ value) => {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  return size >= 100
    ? Math.round(value).toLocaleString('en-US')
    : value.toFixed(size >= 10 ? 1 : 2);
};

/** Seconds of a budget or of a figure's time, to a tenth. */
const secs = (/** @type {number} */ value) => String(Math.round(value * 10) / 10);

/** Figures whose value is itself a ratio (unit ×), such as emulator ÷ peer per interleaved run. */
const isRatioFigure = (/** @type {Figure} */ figure) => figure.unit === '×';

/**
 * Evaluates a figure: { ratio, goalText, hasGoal, meets }. `ratio` is undefined without a value or
 * a baseline; a figure with a baseline and no goal still gets its (informational) ratio; `meets`
 * is undefined when there is no goal or nothing to judge it by.
 * @param {Figure} figure
 * @returns {Evaluation}
 */
export function evaluate(figure) {
  const median = figure.value?.median;
  const base = figure.baseline?.value;
  /** @type {Goal} */
  const { min, maxCost, cheaperBy, maxAbsolute, atMost } = figure.goal ?? {};
  // Cost goals compare cost per operation (rates inverted): lower is better.
  const inverted = maxCost !== undefined || cheaperBy !== undefined;
  /** @type {number | undefined} */
  let ratio;
  if (median !== undefined && isRatioFigure(figure)) ratio = median;
  else if (
    median !== undefined &&
    base !== undefined &&
    Number.isFinite(base) &&
    base > 0 &&
    median > 0
  )
    ratio = inverted ? base / median : median / base;
  const judge = (/** @type {(ratio: number) => boolean} */ test) =>
    ratio === undefined ? undefined : test(ratio);
  if (min !== undefined)
    return { ratio, goalText: `≥ ${min}×`, hasGoal: true, meets: judge((r) => r >= min) };
  if (maxCost !== undefined)
    return {
      ratio,
      goalText: `cost ≤ ${maxCost}×`,
      hasGoal: true,
      meets: judge((r) => r <= maxCost),
    };
  if (cheaperBy !== undefined)
    return {
      ratio,
      goalText: `≥ ${cheaperBy}× cheaper`,
      hasGoal: true,
      meets: judge((r) => r >= cheaperBy),
    };
  if (maxAbsolute !== undefined)
    return {
      ratio,
      goalText: `< ${maxAbsolute} ${figure.unit}`,
      hasGoal: true,
      meets: median === undefined ? undefined : median < maxAbsolute,
    };
  if (atMost !== undefined)
    return {
      ratio,
      goalText: `≤ ${atMost} ${figure.unit}`,
      hasGoal: true,
      meets: median === undefined ? undefined : median <= atMost,
    };
  return { ratio, goalText: '—', hasGoal: false, meets: undefined };
}

/** @param {FigureBudget | undefined} budget */
function budgetText(budget) {
  if (!budget) return ' (no time budget)';
  const spent = `${budget.elapsed.toFixed(1)} s`;
  return budget.over
    ? ` OVER BUDGET (${spent} > ${secs(budget.seconds)} s)`
    : ` (${spent} of ${secs(budget.seconds)} s budget)`;
}

/**
 * The figure's line on the console: value, ratio, verdict and time.
 * @param {Figure} figure
 */
export function summaryLine(figure) {
  const { ratio, goalText, hasGoal, meets } = evaluate(figure);
  const { baseline } = figure; // a ratio that is not a ratio figure's value comes from it
  const ratioText =
    ratio === undefined || isRatioFigure(figure) || !baseline
      ? ''
      : ` ratio ${ratio.toFixed(2)}× (${baseline.title} ${fmt(baseline.value)})`;
  let verdict = '';
  if (hasGoal)
    verdict =
      meets === undefined
        ? ` goal ${goalText}: NOT MEASURED`
        : ` goal ${goalText}: ${meets ? 'met' : 'MISSED'}`;
  let measured = `${fmt(figure.value?.median)} ${figure.unit}`;
  if (figure.value === undefined) measured = `no value (${figure.error ?? 'not measured'})`;
  else if (isRatioFigure(figure))
    measured = `${fmt(figure.value.median)}×${figure.versus ? ` (${figure.versus})` : ''}`;
  return `${figure.id}: ${measured}${ratioText}${verdict}${budgetText(figure.budget)}`;
}

/** @param {FigureBudget | undefined} budget */
function timeCell(budget) {
  if (!budget) return '—';
  const cell = `${budget.elapsed.toFixed(1)} / ${secs(budget.seconds)}`;
  return budget.over ? `**${cell} over budget**` : cell;
}

/**
 * BENCHMARKS.md: ratios and goals, absolute figures, the cost of scale, notes and the machine.
 * @param {readonly Figure[]} figures
 * @param {BenchOptions & RunTimes} run
 */
export function markdownReport(
  figures,
  { startedAt, durationSeconds, buildSeconds, runs, seconds },
) {
  const cpu = cpus();
  const within = durationSeconds <= SUITE_LIMIT_SECONDS;
  const over = figures.filter((figure) => figure.budget?.over).length;
  const missing = figures.filter((figure) => figure.value === undefined).length;
  const lines = [
    '# Benchmarks',
    '',
    `Measured ${startedAt} by \`npm run bench\` in ${Math.round(durationSeconds)} s in all (of which the Nx build, cached when unchanged, ${Math.round(buildSeconds)} s),`,
    `${within ? 'within' : '**over**'} the suite's limit of ${SUITE_LIMIT_SECONDS} s: ${runs} runs of ${seconds} s per figure, min / median / max over the runs.`,
    'Ratios compare against a baseline measured in the same run. Each figure has a time budget (seconds);',
    `${over} figure(s) went over budget, ${missing} produced no value.`,
    '',
    '## Ratios and goals',
    '',
    '| figure | ratio | goal | met | baseline |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const figure of figures) {
    const { ratio, goalText, hasGoal, meets } = evaluate(figure);
    if (!hasGoal && !figure.baseline && !isRatioFigure(figure)) continue;
    let baseline;
    if (figure.baseline) baseline = `${figure.baseline.title}: ${fmt(figure.baseline.value)}`;
    else if (isRatioFigure(figure)) baseline = figure.versus ?? '—';
    else baseline = `${fmt(figure.value?.median)} ${figure.unit}`;
    let met = '—';
    if (hasGoal) met = meets === undefined ? '**not measured**' : meets ? 'yes' : '**no**';
    lines.push(
      `| ${figure.title} | ${ratio === undefined ? '—' : `${ratio.toFixed(2)}×`} | ${goalText} | ${met} | ${baseline} |`,
    );
  }
  lines.push(
    '',
    '## Absolute figures',
    '',
    '| figure | unit | min | median | max | runs | time / budget (s) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const figure of figures) {
    const { value } = figure;
    lines.push(
      `| ${figure.title} | ${figure.unit} | ${fmt(value?.min)} | ${fmt(value?.median)} | ${fmt(value?.max)} | ${value?.runs ?? 0} | ${timeCell(figure.budget)} |`,
    );
  }
  lines.push('', ...costOfScaleLines(figures));
  const notes = figures.filter((figure) => figure.note || figure.error);
  if (notes.length > 0) {
    lines.push('', '## Notes', '');
    for (const figure of notes) {
      const parts = [figure.note, figure.error && `**No value: ${figure.error}.**`];
      lines.push(`- ${figure.title} (\`${figure.id}\`): ${parts.filter(Boolean).join(' ')}`);
    }
  }
  lines.push(
    '',
    '## Machine',
    '',
    `- ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    `- Linux ${release()}, Node ${process.version}`,
    '',
  );
  return lines.join('\n');
}
