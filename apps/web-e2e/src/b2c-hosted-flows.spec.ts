import { PROXY_STACK_OPTIONS } from './support/proxy-stack-options';
import { useTestStack } from './support/use-test-stack';

const SIGN_UP_URL =
  'https://contoso.b2clogin.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?p=B2C_1_signup';
const RESET_URL =
  'https://contoso.b2clogin.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?p=B2C_1_reset';

/**
 * B2C's ROPC can neither sign users up nor reset passwords, so the web client links to the
 * tenant's hosted user flows named in config.json — on the sign-in page and at the same paths
 * External ID serves its own pages.
 */
describe('sign-up and password reset on B2C', () => {
  const fixture = useTestStack({
    ...PROXY_STACK_OPTIONS,
    runtimeConfig: (tokenEndpoint) => ({
      ...PROXY_STACK_OPTIONS.runtimeConfig!(tokenEndpoint),
      signUpUrl: SIGN_UP_URL,
      passwordResetUrl: RESET_URL,
    }),
  });

  it('links the sign-in page to the hosted sign-up and reset flows', async () => {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}/sign-in`);
    const links = page.getByRole('navigation', { name: 'Account help' }).getByRole('link');
    await links.first().waitFor();
    const found = await links.evaluateAll((anchors) =>
      anchors.map((anchor) => [anchor.textContent.trim(), anchor.getAttribute('href')]),
    );
    expect(found).toEqual([
      ['Forgot your password?', RESET_URL],
      ['New here? Create an account', SIGN_UP_URL],
    ]);
  });

  it.each([
    ['/sign-up', 'Create an account', 'Go to the sign-up page', SIGN_UP_URL],
    ['/reset-password', 'Reset your password', 'Go to the password reset page', RESET_URL],
  ])('shows the hosted flow’s link at %s', async (path, heading, link, href) => {
    const page = await fixture.newPage();
    await page.goto(`${fixture.stack.webUrl}${path}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: link }).getAttribute('href')).toBe(href);
    expect(await page.getByLabel('Email address').count()).toBe(0);
  });
});
