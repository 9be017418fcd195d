import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { AnyTenantFile } from './tenant-file';
import type { TenantFileProblem } from './tenant-file-error';
import tenantSchema from './tenant.schema.json';

let compiled: ValidateFunction<AnyTenantFile> | undefined;

/** Compiled on first use, so importing the loader costs no schema compilation. */
function schemaValidator(): ValidateFunction<AnyTenantFile> {
  if (compiled === undefined) {
    // verbose: each error carries its parent schema, whose `errorMessage` we show.
    const ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      // `then` and `oneOf` branches require properties that the parent schema defines.
      strictRequired: false,
      // ... and `then` branches add string rules to a property whose type the parent states.
      strictTypes: false,
      allowUnionTypes: true,
      verbose: true,
    });
    addFormats(ajv, ['hostname', 'email', 'uri']);
    // The VS Code convention: a message for any error of that subschema; an annotation for Ajv.
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    compiled = ajv.compile<AnyTenantFile>(tenantSchema);
  }
  return compiled;
}

/** The file, typed, when it has the schema's shape; otherwise what is wrong with it. */
export type ShapeCheckResult =
  | { readonly file: AnyTenantFile; readonly problems: readonly [] }
  | { readonly file: undefined; readonly problems: readonly TenantFileProblem[] };

/**
 * Checks a parsed tenant file against `tenant.schema.json` and returns every violation, each with
 * a JSON pointer to the offending value (or to the missing or unknown property). Messages never
 * quote the value, so no password or hash leaks into them.
 */
export function checkTenantFileShape(json: unknown): ShapeCheckResult {
  const validate = schemaValidator();
  if (validate(json)) {
    return { file: json, problems: [] };
  }
  const problems = (validate.errors ?? []).flatMap((error) => {
    const problem = toProblem(error);
    return problem === undefined ? [] : [problem];
  });
  // Verbose errors hold the offending values (a user object with its password, say); the shared
  // validator must not keep them alive until the next load.
  validate.errors = null;
  return { file: undefined, problems: withoutDuplicates(problems) };
}

const SUMMARY_KEYWORDS = new Set(['if', 'propertyNames']);

/** One problem per reported error, or none for errors that only summarize others. */
function toProblem(error: ErrorObject): TenantFileProblem | undefined {
  // `if` says "must match then" and `propertyNames` "property name must be valid": the error
  // inside says why. Branch errors of `oneOf`/`anyOf` are noise next to the summary error.
  if (SUMMARY_KEYWORDS.has(error.keyword) || /\/(?:oneOf|anyOf)\/\d+\//.test(error.schemaPath)) {
    return undefined;
  }
  const params: Record<string, unknown> = error.params;
  return {
    path: problemPath(error, params),
    message: customMessage(error) ?? defaultMessage(error, params),
  };
}

/** Points at the property itself for missing, unknown and badly named properties. */
function problemPath(error: ErrorObject, params: Record<string, unknown>): string {
  const property =
    error.propertyName ??
    stringParam(params, 'missingProperty') ??
    stringParam(params, 'additionalProperty');
  return property === undefined
    ? error.instancePath
    : `${error.instancePath}/${escapePointerSegment(property)}`;
}

function customMessage(error: ErrorObject): string | undefined {
  const message: unknown = error.parentSchema?.['errorMessage'];
  return typeof message === 'string' ? message : undefined;
}

function defaultMessage(error: ErrorObject, params: Record<string, unknown>): string {
  const limit = params['limit'];
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known property';
    case 'type':
      return `must be of type ${formatList(params['type'], ' or ')}`;
    case 'enum':
      return `must be one of ${formatList(params['allowedValues'], ', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params['allowedValue'])}`;
    case 'format':
      return `must be a valid ${String(params['format'])}`;
    case 'minimum':
      return `must be at least ${String(limit)}`;
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must have at least ${String(limit)} characters`;
    case 'maxLength':
      return `must have at most ${String(limit)} characters`;
    case 'minItems':
      return `must have at least ${String(limit)} item${limit === 1 ? '' : 's'}`;
    case 'uniqueItems':
      return `must not repeat an item (items ${String(params['j'])} and ${String(params['i'])} are equal)`;
    default:
      return error.message ?? `breaks the schema rule "${error.keyword}"`;
  }
}

/** `["string", "null"]` → `"string" or "null"`; a lone value is quoted the same way. */
function formatList(values: unknown, separator: string): string {
  const list: unknown[] = Array.isArray(values) ? values : [values];
  return list.map((value) => JSON.stringify(value)).join(separator);
}

function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

/** RFC 6901: `~` and `/` inside a property name. */
function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Several keywords of one subschema can share an `errorMessage`; say it once. */
function withoutDuplicates(problems: readonly TenantFileProblem[]): TenantFileProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\n${problem.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
