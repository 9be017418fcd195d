import { assertChromiumInstalled } from './launch-chromium';

/**
 * A Jest `globalSetup` for browser suites: without Chromium, the run stops at once with one clear
 * message instead of failing every test file. Jest loads it by path (its module map does not
 * apply to global setups), so it imports its sibling relatively.
 */
export default function chromiumGlobalSetup(): void {
  assertChromiumInstalled();
}
