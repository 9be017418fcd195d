import type { Locator } from 'playwright-core';

/**
 * Waits until `locator`'s text (whitespace collapsed) is `expected` (or matches it), and returns
 * the text it last had, so the test asserts it with `toBe` / `toMatch` and a failure shows the
 * difference. Pages render asynchronously; this is the waiting half of Playwright Test's
 * `toHaveText`, which Jest does not have.
 */
export async function waitForText(
  locator: Locator,
  expected: string | RegExp,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  for (;;) {
    const count = await locator.count();
    text = count === 1 ? normalise(await locator.innerText()) : `<${count} elements>`;
    const matches = typeof expected === 'string' ? text === expected : expected.test(text);
    if (matches || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
