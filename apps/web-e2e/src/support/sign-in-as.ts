import type { Page } from 'playwright-core';
import type { DemoUser } from './e2e-tenant';

/** What the token endpoint answered to one sign-in attempt. */
export interface SignInAnswer {
  readonly status: number;
  /** The B2C code at the start of `error_description` (`AADB2C90225`), when refused. */
  readonly b2cCode: string | undefined;
  /** The `Correlation ID` of a refusal, which the page shows as its support code. */
  readonly correlationId: string | undefined;
}

/** Fills the sign-in form with `user`'s email and `password` (theirs by default) and submits. */
export async function signInAs(
  page: Page,
  user: DemoUser,
  password = user.password,
): Promise<void> {
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in as {@link signInAs} does and returns the token endpoint's answer (proxy mode). */
export async function attemptSignIn(
  page: Page,
  user: DemoUser,
  password = user.password,
): Promise<SignInAnswer> {
  const answered = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === '/api/auth/token' &&
      response.request().method() === 'POST',
  );
  await signInAs(page, user, password);
  const response = await answered;
  if (response.status() === 200) {
    return { status: 200, b2cCode: undefined, correlationId: undefined };
  }
  const body = (await response.json()) as { error_description?: unknown };
  const description = typeof body.error_description === 'string' ? body.error_description : '';
  return {
    status: response.status(),
    b2cCode: /^(AADB2C\d+):/.exec(description)?.[1],
    correlationId: /Correlation ID: ([0-9a-f-]+)/.exec(description)?.[1],
  };
}
