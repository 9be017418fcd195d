// @ts-check
// Finds Chromium for the browser tests: CHROMIUM_PATH, else Debian's /usr/bin/chromium. Where it
// is missing, installs Debian's `chromium` when this process can (root and apt-get), otherwise
// stops at once and names the command to run. `npx playwright install` cannot work offline here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The Chromium executable the browser tests use. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Returns true when Chromium is present (after installing it if needed and possible). */
export function ensureChromium() {
  const path = chromiumPath();
  if (existsSync(path)) return true;
  const canInstall =
    !process.env.CHROMIUM_PATH &&
    process.getuid?.() === 0 &&
    spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!canInstall) {
    console.error(
      `Chromium was not found at ${path}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n` +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
    return false;
  }
  console.log('Installing Debian chromium for the browser tests (apt-get)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install =
    update.status === 0 &&
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env,
    });
  if (!install || install.status !== 0 || !existsSync(path)) {
    console.error('Installing chromium failed; run: apt-get update && apt-get install -y chromium');
    return false;
  }
  return true;
}
