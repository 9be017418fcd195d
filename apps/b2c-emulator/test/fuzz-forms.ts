import fc from 'fast-check';

/**
 * Arbitraries the endpoint fuzz suites share: hostile text and valid form bodies changed a little.
 */

/** Text a hostile client sends: separators, broken escapes, controls, astral characters. */
export const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('&', '=', '%', '+', '%2', '%zz', '%FF', '\u0000', '\uD800', '😀', '\r\n', '"'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 80,
});

/** A form body as name/value pairs. */
export type Form = Record<string, string>;

/**
 * `base` changed by `minMutations` to 3 mutations: a parameter dropped, set (to hostile text; also
 * one of `extraNames`), repeated or made huge. Encoded with URLSearchParams, which encodes what it
 * can (a lone surrogate becomes U+FFFD); suites send raw bytes on their own.
 */
export function mutatedForm(
  base: Form,
  extraNames: readonly string[],
  minMutations: number,
): fc.Arbitrary<string> {
  const names = Object.keys(base);
  const mutation = fc.oneof(
    fc.record({ drop: fc.constantFrom(...names) }),
    fc.record({ set: fc.constantFrom(...names, ...extraNames), to: hostileText }),
    fc.record({ repeat: fc.constantFrom(...names) }),
    fc.record({ huge: fc.constantFrom(...names), size: fc.integer({ min: 1000, max: 40_000 }) }),
  );
  return fc.array(mutation, { minLength: minMutations, maxLength: 3 }).map((mutations) => {
    const pairs: [string, string][] = Object.entries(base);
    for (const change of mutations) {
      if ('drop' in change)
        pairs.splice(
          pairs.findIndex(([name]) => name === change.drop),
          1,
        );
      else if ('set' in change) pairs.push([change.set, change.to]);
      else if ('repeat' in change) pairs.push([change.repeat, base[change.repeat] ?? '']);
      else pairs.push([change.huge, 'x'.repeat(change.size)]);
    }
    return new URLSearchParams(pairs).toString();
  });
}
