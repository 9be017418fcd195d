import type { Page } from 'playwright-core';
import { ALICE } from './support/e2e-tenant';
import { findSeriousAccessibilityViolations } from './support/find-serious-accessibility-violations';
import { PROXY_STACK_OPTIONS } from './support/proxy-stack-options';
import { saveScreenshot } from './support/save-screenshot';
import { attemptSignIn, signInAs } from './support/sign-in-as';
import { useTestStack } from './support/use-test-stack';

/**
 * axe-core on every page in the state people see it, with no serious or critical violation; a
 * screenshot of each goes to test-results/web-e2e/ for review.
 */
describe('accessibility of every page', () => {
  const fixture = useTestStack(PROXY_STACK_OPTIONS);

  async function signInAt(page: Page, path: string, heading: string): Promise<void> {
    await page.goto(`${fixture.stack.webUrl}${path}`);
    await signInAs(page, ALICE);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }

  it('has no serious or critical violations on the sign-in page, before and after an error', async () => {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await saveScreenshot(page, 'sign-in');
    const pristine = await findSeriousAccessibilityViolations(page);

    await attemptSignIn(page, ALICE, 'Not-Alices-Passw0rd!');
    await page.getByRole('alert').getByText('Support code:').waitFor();
    await saveScreenshot(page, 'sign-in-error');
    const withError = await findSeriousAccessibilityViolations(page);

    expect({ pristine, withError }).toEqual({ pristine: [], withError: [] });
  });

  it('has no serious or critical violations on the notes page with a note in it', async () => {
    const page = await fixture.newPage();
    await signInAt(page, '/notes', 'Notes');
    const form = page.getByRole('region', { name: 'Add a note' });
    await form.getByLabel('Title', { exact: true }).fill('Accessibility review');
    await form.getByLabel('Note', { exact: true }).fill('Check the focus order.');
    await form.getByRole('button', { name: 'Add note' }).click();
    await page
      .getByRole('region', { name: 'Your notes' })
      .getByRole('article', { name: 'Accessibility review' })
      .waitFor();
    await saveScreenshot(page, 'notes');

    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
  });

  it('has no serious or critical violations on the profile page', async () => {
    const page = await fixture.newPage();
    await signInAt(page, '/profile', 'Profile');
    await page
      .getByRole('region', { name: 'What the API sees' })
      .getByRole('term')
      .first()
      .waitFor();
    await saveScreenshot(page, 'profile');

    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
  });

  it('has no serious or critical violations on the not-found page', async () => {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await saveScreenshot(page, 'not-found');

    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
  });
});
