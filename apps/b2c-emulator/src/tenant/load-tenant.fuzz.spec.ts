// Property-based fuzzing of the tenant file loader: any JSON, and the default tenant with parts
// replaced by anything, either loads or is refused with a TenantFileError naming JSON pointers —
// never another exception.
import { fuzzParameters, fuzzTimeoutMs } from '@ropc/fuzz-testing';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTenantFile } from './load-tenant';
import { isTenantFileError } from './tenant-file-error';

const RUNS = 150;
const DEFAULT_TENANT = JSON.parse(
  readFileSync(join(__dirname, 'default-tenant.json'), 'utf8'),
) as Record<string, unknown>;

/** Every JSON pointer-ish path of an object, to replace one part of it. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

function replaced(root: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1) as string | number] = by;
  return copy;
}

describe('tenant file loader fuzz (fast-check)', () => {
  it(
    'loads or refuses with a TenantFileError for any JSON and any part of the default tenant replaced',
    async () => {
      const paths = pathsOf(DEFAULT_TENANT).filter((path) => path.length > 0);
      const file = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc
          .tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }))
          .map(([path, by]) => replaced(DEFAULT_TENANT, path, by)),
      );
      await fc.assert(
        fc.asyncProperty(file, async (json) => {
          try {
            await parseTenantFile(json);
          } catch (error) {
            expect(isTenantFileError(error)).toBe(true);
          }
        }),
        fuzzParameters(process.env, RUNS),
      );
    },
    fuzzTimeoutMs(process.env, 120_000),
  );
});
