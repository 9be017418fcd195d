import { assertChromiumInstalled } from './launch-chromium';

/** Jest's global setup: without Chromium, stop the run at once with one clear message. */
export default function globalSetup(): void {
  assertChromiumInstalled();
}
