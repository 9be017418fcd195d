import type { Locator } from 'playwright-core';

/**
 * A description list (`<dl>`: terms and definitions) as `{ term: definition }`, read through
 * their ARIA roles. Waits for the first term to appear.
 */
export async function readFacts(container: Locator): Promise<Record<string, string>> {
  const terms = container.getByRole('term');
  await terms.first().waitFor();
  const names = await terms.allInnerTexts();
  const values = await container.getByRole('definition').allInnerTexts();
  if (names.length !== values.length) {
    throw new Error(`${names.length} terms but ${values.length} definitions`);
  }
  return Object.fromEntries(names.map((name, index) => [name.trim(), values[index]?.trim() ?? '']));
}
