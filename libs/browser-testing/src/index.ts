export { assertChromiumInstalled, chromiumPath, launchChromium } from './launch-chromium';
