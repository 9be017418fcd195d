import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** An axe violation, trimmed to what a failure message needs. */
export interface AccessibilityViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  /** CSS paths axe reports for the offending nodes (for reading, not for locating). */
  readonly targets: readonly string[];
}

/**
 * Runs every axe-core rule (WCAG 2.x A and AA, and best practices) on the page as it is now and
 * returns the serious and critical violations.
 */
export async function findSeriousAccessibilityViolations(
  page: Page,
): Promise<AccessibilityViolation[]> {
  // Only violations need node details; skipping them for passes saves seconds per page.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}
