import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordCspViolations } from '@ropc/browser-testing';
import { ARTIFACTS_DIR } from './save-screenshot';
import { startTestStack, type TestStack, type TestStackOptions } from './test-stack';

/** How long a locator waits before an action or a wait fails: well under the test timeout. */
const ACTION_TIMEOUT_MS = 15_000;

/** The running stack and browser of one test file. */
export interface StackFixture {
  readonly stack: TestStack;
  readonly browser: Browser;
  /** A fresh context (its own cookies, storage and tabs), closed after the test. */
  newContext(): Promise<BrowserContext>;
  /** A page in a fresh context. */
  newPage(): Promise<Page>;
}

/**
 * Starts a stack and Chromium before the file's tests and stops both after them; contexts made
 * with `newContext` are closed after each test, so no session carries over between tests, and a
 * test fails when any of its pages met a Content-Security-Policy violation. What
 * the stack printed is kept as `test-results/web-e2e/logs/<test file>-<part>.log`.
 */
export function useTestStack(options: TestStackOptions = {}): StackFixture {
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const cspViolations: string[][] = [];

  beforeAll(async () => {
    // Chromium first: when it is missing, fail before starting anything.
    browser = await launchChromium();
    stack = await startTestStack(options);
  }, 60_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    // The web app's strict CSP (apps/web/public/staticwebapp.config.json) held on every page.
    expect(cspViolations.splice(0).flat()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (stack) saveLogs(stack.output());
  }, 30_000);

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} did not start: see beforeAll`);
    return value;
  };
  const fixture: StackFixture = {
    get stack() {
      return started(stack, 'The stack');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    async newContext() {
      const context = await fixture.browser.newContext();
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      cspViolations.push(await recordCspViolations(context));
      contexts.push(context);
      return context;
    },
    async newPage() {
      return (await fixture.newContext()).newPage();
    },
  };
  return fixture;
}

function saveLogs(output: Record<string, string>): void {
  const dir = join(ARTIFACTS_DIR, 'logs');
  const file = basename(expect.getState().testPath ?? 'unknown', '.spec.ts');
  mkdirSync(dir, { recursive: true });
  for (const [part, text] of Object.entries(output)) {
    writeFileSync(join(dir, `${file}-${part}.log`), text);
  }
}
