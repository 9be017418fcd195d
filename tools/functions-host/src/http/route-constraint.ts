/** An inline route constraint such as `int` or `minlength(3)`. */
export interface RouteConstraint {
  readonly text: string;
  test(value: string): boolean;
}

type ConstraintFactory = (args: readonly number[]) => (value: string) => boolean;

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const GUID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})$/i;
const GUID_WRAPPED = /^(?:\{(.*)\}|\((.*)\))$/;

const integer = (value: string): number | undefined =>
  /^[+-]?\d+$/.test(value) ? Number(value) : undefined;

const inRange = (value: string, min: number, max: number): boolean => {
  const number = integer(value);
  return number !== undefined && number >= min && number <= max;
};

const isNumber = (value: string): boolean =>
  /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(value);

/** The ASP.NET Core constraints this host understands, by name. */
const FACTORIES: Readonly<Record<string, ConstraintFactory>> = {
  int: () => (value) => inRange(value, INT32.min, INT32.max),
  long: () => (value) => integer(value) !== undefined,
  bool: () => (value) => /^(?:true|false)$/i.test(value),
  guid: () => (value) => {
    const wrapped = GUID_WRAPPED.exec(value);
    return GUID.test(wrapped ? (wrapped[1] ?? wrapped[2] ?? '') : value);
  },
  alpha: () => (value) => /^[a-z]+$/i.test(value),
  double: () => isNumber,
  float: () => isNumber,
  decimal: () => (value) => isNumber(value) && !/e/i.test(value),
  min:
    ([min = 0]) =>
    (value) =>
      inRange(value, min, Number.MAX_SAFE_INTEGER),
  max:
    ([max = 0]) =>
    (value) =>
      inRange(value, Number.MIN_SAFE_INTEGER, max),
  range:
    ([min = 0, max = 0]) =>
    (value) =>
      inRange(value, min, max),
  minlength:
    ([min = 0]) =>
    (value) =>
      value.length >= min,
  maxlength:
    ([max = 0]) =>
    (value) =>
      value.length <= max,
  length:
    ([min = 0, max]) =>
    (value) =>
      value.length >= min && value.length <= (max ?? min),
};

const ARITY: Readonly<Record<string, readonly number[]>> = {
  min: [1],
  max: [1],
  range: [2],
  minlength: [1],
  maxlength: [1],
  length: [1, 2],
};

/**
 * Parses one constraint of a route parameter. Unknown constraints (e.g. `regex(...)`) throw rather
 * than silently matching everything.
 */
export function parseRouteConstraint(text: string): RouteConstraint {
  const match = /^([a-z]+)(?:\(([^()]*)\))?$/i.exec(text);
  const name = match?.[1]?.toLowerCase() ?? '';
  const factory = FACTORIES[name];
  if (!match || !factory) throw new Error(`unsupported route constraint "${text}"`);
  const args = match[2] === undefined ? [] : match[2].split(',').map((arg) => integer(arg.trim()));
  const arity = ARITY[name] ?? [0];
  if (!arity.includes(args.length) || args.some((arg) => arg === undefined)) {
    throw new Error(`route constraint "${text}" needs ${arity.join(' or ')} integer argument(s)`);
  }
  return { text, test: factory(args as number[]) };
}
