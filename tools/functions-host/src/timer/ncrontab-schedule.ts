/** A parsed 6-field NCRONTAB expression, evaluated in UTC. */
export interface NcrontabSchedule {
  readonly expression: string;
  /** The first occurrence strictly after `after`, or `undefined` if none within five years. */
  next(after: Date): Date | undefined;
}

interface FieldSpec {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: readonly FieldSpec[] = [
  { label: 'second', min: 0, max: 59 },
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day', min: 1, max: 31 },
  { label: 'month', min: 1, max: 12, names: ['', ...MONTHS] },
  { label: 'day of week', min: 0, max: 7, names: WEEKDAYS },
];

const FIVE_YEARS_MS = 5 * 366 * 24 * 3600 * 1000;

/**
 * Parses `{second} {minute} {hour} {day} {month} {day-of-week}`. Each field takes `*`, numbers,
 * names (JAN, MON), ranges `a-b`, steps `*\/n`, `a-b/n`, `a/n`, and comma lists. As in NCrontab,
 * day and day of week must both match; 7 is Sunday too.
 */
export function parseNcrontab(expression: string): NcrontabSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) {
    throw new Error(`"${expression}" is not a 6-field NCRONTAB expression (seconds first).`);
  }
  const [seconds, minutes, hours, days, months, weekdays] = parts.map((part, index) =>
    parseField(part, FIELDS[index] as FieldSpec),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (weekdays.has(7)) weekdays.add(0);
  const fields = { seconds, minutes, hours, days, months, weekdays };
  return { expression, next: (after) => nextOccurrence(fields, after) };
}

function parseField(text: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new Error(`bad ${spec.label} field "${text}"`);
    const [, range = '*', stepText] = match;
    const step = stepText === undefined ? 1 : Number(stepText);
    const [low = spec.min, high] =
      range === '*' ? [spec.min, spec.max] : range.split('-').map((v) => valueOf(v, spec));
    const last = high ?? (stepText === undefined ? low : spec.max);
    if (step < 1 || low > last) throw new Error(`bad ${spec.label} field "${text}"`);
    for (let value = low; value <= last; value += step) values.add(value);
  }
  return values;
}

function valueOf(text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const value = named > 0 || (named === 0 && spec.label !== 'month') ? named : Number(text);
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    throw new Error(`${spec.label} value "${text}" is out of range ${spec.min}-${spec.max}`);
  }
  return value;
}

interface ScheduleFields {
  readonly seconds: ReadonlySet<number>;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly days: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly weekdays: ReadonlySet<number>;
}

/** Skips whole months, days, hours and minutes that cannot match, so the walk stays short. */
function nextOccurrence(fields: ScheduleFields, after: Date): Date | undefined {
  const limit = after.getTime() + FIVE_YEARS_MS;
  let t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  while (t.getTime() < limit) {
    const [y, mo, d, h, mi] = [
      t.getUTCFullYear(),
      t.getUTCMonth(),
      t.getUTCDate(),
      t.getUTCHours(),
      t.getUTCMinutes(),
    ];
    if (!fields.months.has(mo + 1)) t = new Date(Date.UTC(y, mo + 1, 1));
    else if (!fields.days.has(d) || !fields.weekdays.has(t.getUTCDay())) {
      t = new Date(Date.UTC(y, mo, d + 1));
    } else if (!fields.hours.has(h)) t = new Date(Date.UTC(y, mo, d, h + 1));
    else if (!fields.minutes.has(mi)) t = new Date(Date.UTC(y, mo, d, h, mi + 1));
    else if (!fields.seconds.has(t.getUTCSeconds())) t = new Date(t.getTime() + 1000);
    else return t;
  }
  return undefined;
}
