// Turns figures into one summary line each and the BENCHMARKS.md report: ratios first, absolute
// figures second, then the machine.
import { cpus, totalmem, release } from 'node:os';

const fmt = (value) =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 10 ? 1 : 2);

/** Evaluates a figure's goal: returns { ratio, text, meets } (ratio undefined without a baseline). */
export function evaluate(figure) {
  const median = figure.value.median;
  const goal = figure.goal ?? {};
  if (goal.min !== undefined) {
    const ratio = median / figure.baseline.value;
    return { ratio, goalText: `≥ ${goal.min}×`, meets: ratio >= goal.min };
  }
  if (goal.maxCost !== undefined) {
    // Cost per operation relative to the baseline's (rates inverted): lower is better.
    const ratio = figure.baseline.value / median;
    return { ratio, goalText: `cost ≤ ${goal.maxCost}×`, meets: ratio <= goal.maxCost };
  }
  if (goal.cheaperBy !== undefined) {
    const ratio = figure.baseline.value / median;
    return { ratio, goalText: `≥ ${goal.cheaperBy}× cheaper`, meets: ratio >= goal.cheaperBy };
  }
  if (goal.maxAbsolute !== undefined) {
    return { goalText: `< ${goal.maxAbsolute} ${figure.unit}`, meets: median < goal.maxAbsolute };
  }
  return { goalText: '—', meets: undefined };
}

export function summaryLine(figure) {
  const { ratio, goalText, meets } = evaluate(figure);
  const ratioText =
    ratio === undefined
      ? ''
      : ` ratio ${ratio.toFixed(2)}× (${figure.baseline.title} ${fmt(figure.baseline.value)})`;
  const verdict =
    meets === undefined ? '' : meets ? ` goal ${goalText}: met` : ` goal ${goalText}: MISSED`;
  return `${figure.id}: ${fmt(figure.value.median)} ${figure.unit}${ratioText}${verdict}`;
}

export function markdownReport(figures, { startedAt, durationSeconds, runs, seconds }) {
  const cpu = cpus();
  const lines = [
    '# Benchmarks',
    '',
    `Measured ${startedAt} by \`npm run bench\` in ${Math.round(durationSeconds)} s: ${runs} runs of ${seconds} s per figure,`,
    'min / median / max over the runs. Ratios compare against a baseline measured in the same run.',
    '',
    '## Ratios and goals',
    '',
    '| figure | ratio | goal | met | baseline |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const figure of figures.filter((f) => f.goal)) {
    const { ratio, goalText, meets } = evaluate(figure);
    const baseline = figure.baseline
      ? `${figure.baseline.title}: ${fmt(figure.baseline.value)}`
      : `${fmt(figure.value.median)} ${figure.unit}`;
    lines.push(
      `| ${figure.title} | ${ratio === undefined ? '—' : `${ratio.toFixed(2)}×`} | ${goalText} | ${meets ? 'yes' : '**no**'} | ${baseline} |`,
    );
  }
  lines.push(
    '',
    '## Absolute figures',
    '',
    '| figure | unit | min | median | max | runs |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const figure of figures) {
    const { min, median, max, runs: count } = figure.value;
    lines.push(
      `| ${figure.title} | ${figure.unit} | ${fmt(min)} | ${fmt(median)} | ${fmt(max)} | ${count} |`,
    );
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
