import type { BrowserContext } from 'playwright-core';

/** The page-side reporter the init script calls; a Playwright binding, outside the page's CSP. */
const REPORTER = '__reportCspViolation';

/**
 * Records every Content-Security-Policy violation the context's pages meet, from the moment
 * each document starts: the `securitypolicyviolation` event (what was blocked, by which
 * directive, where) and the console's CSP errors (which also cover workers). The pages under
 * test send strict policies (nothing inline), so a test fails on any entry: a violation means
 * something users would see is broken, or something tried to run from data.
 */
export async function recordCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding(REPORTER, (_source, report: string) => {
    violations.push(report);
  });
  await context.addInitScript((reporter: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (text: string) => Promise<void>>)[
        reporter
      ];
      void report?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ` +
          `at ${event.sourceFile || document.location.pathname}:${String(event.lineNumber)}`,
      );
    });
  }, REPORTER);
  context.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text()))
      violations.push(`console: ${message.text()}`);
  });
  return violations;
}
