// @ts-check
// alice's sign-in on the web client in Chromium, timed inside the page from the click on
// "Sign in" to the first animation frame with the profile heading, and to the first one with the
// API's answer (GET /api/me) on the profile, so that Playwright's own click and polling overheads
// (about 100 ms each way) are not counted. Each sign-in gets a fresh browser context: no cookie,
// no cache, no session, as a first visit. The sign-in page is the same for both authority kinds.
import { chromium } from 'playwright-core';

/** @import { Browser, Page } from 'playwright-core' */

/**
 * One sign-in, milliseconds from the click.
 * @typedef {object} SignInTimes
 * @property {number} profile The first frame with the profile heading.
 * @property {number} answer The first frame with the API's answer on the profile.
 * @property {string[]} authCalls Paths of the POSTs to /api/auth/ after the click, in order.
 */

const ALICE = { username: 'alice@contoso.com', password: 'Alice-Passw0rd!' };
/** Far above a sign-in on loopback: a refused sign-in fails the figure instead of hanging it. */
const SIGN_IN_TIMEOUT_MS = 15_000;

/** Chromium as the web suite runs it: headless, no GPU, no background traffic. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * Installs the marks in the page (runs there): the click, then one animation frame after each of
 * the profile heading and the API's answer (its facts list, or its error alert) enter the DOM.
 */
function installMarks() {
  /** @type {SignInMarks} */
  const marks = {};
  window.__signInMarks = marks;
  const submit = /** @type {HTMLButtonElement} */ (document.querySelector('button[type="submit"]'));
  submit.addEventListener('click', () => (marks.click ??= performance.now()), { capture: true });
  let headingSeen = false;
  const observer = new MutationObserver(() => {
    if (marks.click === undefined) return;
    if (!headingSeen && document.querySelector('h1')?.textContent.trim() === 'Profile') {
      headingSeen = true;
      requestAnimationFrame(() => (marks.painted = performance.now()));
    }
    // The profile's "What the API sees" section: a facts list once GET /api/me has answered.
    const api = document.getElementById('api-heading')?.closest('section');
    const alert = api?.querySelector('[role="alert"]');
    if (alert) marks.apiError = alert.textContent.trim();
    if (!api?.querySelector('dl') && !alert) return;
    observer.disconnect();
    requestAnimationFrame(() => (marks.answered = performance.now()));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/**
 * Records the POSTs to /api/auth/ that the page sends once `started()` is true.
 * @param {Page} page
 * @param {() => boolean} started
 */
function recordAuthCalls(page, started) {
  /** @type {string[]} */
  const calls = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (started() && request.method() === 'POST' && pathname.startsWith('/api/auth/'))
      calls.push(pathname);
  });
  return calls;
}

/**
 * Signs alice in at `webUrl` in a new context of `browser` and lands on the profile.
 * @param {Browser} browser
 * @param {string} webUrl
 * @returns {Promise<SignInTimes>}
 */
export async function timeSignIn(browser, webUrl) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let clicked = false;
    const authCalls = recordAuthCalls(page, () => clicked);
    await page.goto(`${webUrl}/sign-in?returnUrl=%2Fprofile`);
    await page.getByLabel('Email address').fill(ALICE.username);
    await page.getByLabel('Password', { exact: true }).fill(ALICE.password);
    await page.evaluate(installMarks);
    clicked = true;
    await page.getByRole('button', { name: /^Sign in/ }).click();
    await page.waitForFunction(() => window.__signInMarks.answered !== undefined, undefined, {
      timeout: SIGN_IN_TIMEOUT_MS,
    });
    const marks = await page.evaluate(() => window.__signInMarks);
    if (marks.apiError !== undefined) throw new Error(`GET /api/me failed: ${marks.apiError}`);
    // All three are set once `answered` is: the heading renders before the API's answer.
    const [click, painted, answered] = /** @type {[number, number, number]} */ ([
      marks.click,
      marks.painted,
      marks.answered,
    ]);
    return { profile: painted - click, answer: answered - click, authCalls };
  } finally {
    await context.close();
  }
}
