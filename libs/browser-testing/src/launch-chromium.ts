import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package unless `CHROMIUM_PATH` names another Chromium or Chrome. */
export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
}

/**
 * Throws, naming the fix, when the Chromium executable is missing: `npx playwright install` cannot
 * download browsers on this machine.
 */
export function assertChromiumInstalled(): string {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. Install Debian's package ` +
        '(sudo apt-get update && sudo apt-get install -y chromium) or set CHROMIUM_PATH to a ' +
        'Chromium or Chrome executable.',
    );
  }
  return executablePath;
}

/**
 * Launches headless Chromium with a fresh profile (Playwright gives every launch its own), without
 * the sandbox (containers), the GPU, or any call home: background networking, component updates,
 * QUIC, sync and the first-run page are off, so a test sees only its own traffic.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: assertChromiumInstalled(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
