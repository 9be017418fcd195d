import { startEmulator, type RunningEmulator } from './start-emulator';

/**
 * The console's files as the built emulator serves them: public (the page holds nothing until the
 * admin key is entered), under a strict Content-Security-Policy with no inline script or style.
 */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

describe('GET /.emulator/console', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  }, 30_000);

  afterAll(async () => {
    await emulator.stop();
  });

  it.each([
    ['/.emulator/console', 'text/html; charset=utf-8', 'no-store'],
    ['/.emulator/console/console.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/.emulator/console/console.css', 'text/css; charset=utf-8', 'no-cache'],
  ])('serves %s without a key, with the strict policy', async (path, type, cache) => {
    const response = await fetch(`${emulator.url}${path}`);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': type,
      'cache-control': cache,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    expect((await response.text()).length).toBeGreaterThan(1000);
  });

  it('has no inline script, inline style or handler attribute for the policy to block', async () => {
    const html = await (await fetch(`${emulator.url}/.emulator/console`)).text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/gu)].map(([tag]) => tag);
    expect(scripts).toEqual(['<script src="/.emulator/console/console.js" defer>']);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/u);
    // No field has a name, so a form can never send one natively (the key least of all).
    expect(html).not.toMatch(/<(input|select|textarea)\b[^>]*\sname=/u);
  });

  it('serves nothing else under the console path', async () => {
    for (const path of [
      '/.emulator/console/index.html',
      '/.emulator/console/page',
      '/.emulator/console/..%2Fmain.js',
    ]) {
      const response = await fetch(`${emulator.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });
});
