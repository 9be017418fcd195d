// Turns figures into one summary line each and the BENCHMARKS.md report: ratios first, absolute
// figures second, then notes and the machine. Every figure carries its time budget; a figure over
// budget, or one that produced no value, says so in its line and in the report.
import { cpus, totalmem, release } from 'node:os';
import { SUITE_LIMIT_SECONDS } from './budget.mjs';

const fmt = (value) => {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  return size >= 100
    ? Math.round(value).toLocaleString('en-US')
    : value.toFixed(size >= 10 ? 1 : 2);
};

/** Seconds of a budget or of a figure's time, to a tenth. */
const secs = (value) => String(Math.round(value * 10) / 10);

/** Figures whose value is itself a ratio (unit ×), such as emulator ÷ peer per interleaved run. */
const isRatioFigure = (figure) => figure.unit === '×';

/**
 * Evaluates a figure: { ratio, goalText, hasGoal, meets }. `ratio` is undefined without a value or
 * a baseline; a figure with a baseline and no goal still gets its (informational) ratio; `meets`
 * is undefined when there is no goal or nothing to judge it by.
 */
export function evaluate(figure) {
  const median = figure.value?.median;
  const base = figure.baseline?.value;
  const goal = figure.goal ?? {};
  // Cost goals compare cost per operation (rates inverted): lower is better.
  const inverted = goal.maxCost !== undefined || goal.cheaperBy !== undefined;
  let ratio;
  if (median !== undefined && isRatioFigure(figure)) ratio = median;
  else if (median !== undefined && Number.isFinite(base) && base > 0 && median > 0)
    ratio = inverted ? base / median : median / base;
  const judge = (test) => (ratio === undefined ? undefined : test(ratio));
  if (goal.min !== undefined)
    return { ratio, goalText: `≥ ${goal.min}×`, hasGoal: true, meets: judge((r) => r >= goal.min) };
  if (goal.maxCost !== undefined)
    return {
      ratio,
      goalText: `cost ≤ ${goal.maxCost}×`,
      hasGoal: true,
      meets: judge((r) => r <= goal.maxCost),
    };
  if (goal.cheaperBy !== undefined)
    return {
      ratio,
      goalText: `≥ ${goal.cheaperBy}× cheaper`,
      hasGoal: true,
      meets: judge((r) => r >= goal.cheaperBy),
    };
  if (goal.maxAbsolute !== undefined)
    return {
      ratio,
      goalText: `< ${goal.maxAbsolute} ${figure.unit}`,
      hasGoal: true,
      meets: median === undefined ? undefined : median < goal.maxAbsolute,
    };
  return { ratio, goalText: '—', hasGoal: false, meets: undefined };
}

function budgetText(budget) {
  if (!budget) return ' (no time budget)';
  const spent = `${budget.elapsed.toFixed(1)} s`;
  return budget.over
    ? ` OVER BUDGET (${spent} > ${secs(budget.seconds)} s)`
    : ` (${spent} of ${secs(budget.seconds)} s budget)`;
}

export function summaryLine(figure) {
  const { ratio, goalText, hasGoal, meets } = evaluate(figure);
  const ratioText =
    ratio === undefined || isRatioFigure(figure)
      ? ''
      : ` ratio ${ratio.toFixed(2)}× (${figure.baseline.title} ${fmt(figure.baseline.value)})`;
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

function timeCell(budget) {
  if (!budget) return '—';
  const cell = `${budget.elapsed.toFixed(1)} / ${secs(budget.seconds)}`;
  return budget.over ? `**${cell} over budget**` : cell;
}

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
    const { min, median, max, runs: count = 0 } = figure.value ?? {};
    lines.push(
      `| ${figure.title} | ${figure.unit} | ${fmt(min)} | ${fmt(median)} | ${fmt(max)} | ${count} | ${timeCell(figure.budget)} |`,
    );
  }
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
