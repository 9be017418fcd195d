export { assertChromiumInstalled, chromiumPath, launchChromium } from './launch-chromium';
export { recordCspViolations } from './record-csp-violations';
