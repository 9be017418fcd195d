import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  callSdkPage,
  type SdkPageApi,
  type SdkPageConfig,
  type SdkPageInput,
  type SdkPageOutput,
  type SdkStepName,
  type StepReport,
} from '@ropc/native-auth-testing';

/** How long a page action may wait; an SDK step itself is bounded by the test timeout. */
const ACTION_TIMEOUT_MS = 15_000;
/** Page events kept per session. */
const MAX_EVENTS = 300;

/**
 * One browser context with the test page open and one SDK application created in it. Records
 * what the page printed, its failures and every call it made to the emulator (status, and the
 * body of an error answer), for failure messages.
 */
export class SdkSession {
  private readonly events: string[] = [];

  private constructor(
    readonly label: string,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly emulatorUrl: string,
  ) {
    page.on('console', (message) => {
      this.record(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      this.record(`page error: ${error.message}`);
    });
    page.on('requestfailed', (request) => {
      this.record(
        `request failed: ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? '?'}`,
      );
    });
    page.on('response', (response) => {
      const url = response.url();
      if (!url.startsWith(this.emulatorUrl)) return;
      const request = response.request();
      const line = `emulator: ${request.method()} ${url.slice(this.emulatorUrl.length)} → ${response.status()}`;
      if (response.status() < 400) {
        this.record(line);
        return;
      }
      response.text().then(
        (body) => {
          this.record(`${line} ${body.slice(0, 600)}`);
        },
        () => {
          this.record(`${line} (body unreadable)`);
        },
      );
    });
  }

  /**
   * Opens a fresh context (its own sessionStorage, where the SDK keeps its cache), loads the page
   * from `pageUrl` and runs `CustomAuthPublicClientApplication.create(config)` in it.
   */
  static async open(
    browser: Browser,
    label: string,
    pageUrl: string,
    emulatorUrl: string,
    config: SdkPageConfig,
  ): Promise<{ session: SdkSession; created: string }> {
    const context = await browser.newContext();
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const page = await context.newPage();
    const session = new SdkSession(label, context, page, emulatorUrl);
    await page.goto(`${pageUrl}/`);
    await page.waitForFunction(() => typeof window.sdkPage === 'object');
    const { created } = await session.call('init', config);
    return { session, created };
  }

  /** Runs `window.sdkPage[name](input)` in the page. */
  call<K extends keyof SdkPageApi>(name: K, input: SdkPageInput<K>): Promise<SdkPageOutput<K>> {
    return callSdkPage(this.page, name, input);
  }

  /** Runs one SDK step: a call that answers a {@link StepReport}. */
  step<K extends SdkStepName>(name: K, input: SdkPageInput<K>): Promise<StepReport> {
    return this.call(name, input);
  }

  /** The page's recorded events, oldest first. */
  recordedEvents(): readonly string[] {
    return this.events;
  }

  /** Events, the SDK's log tail and where it stands, for a failure message. */
  async diagnostics(sdkLogLines = 40, eventLines = 40): Promise<string> {
    let sdkLog: readonly string[];
    try {
      sdkLog = await this.call('sdkLog', {});
    } catch (error) {
      sdkLog = [`(could not read the SDK log: ${String(error)})`];
    }
    return [
      `--- ${this.label}: browser events (last ${eventLines}) ---`,
      ...this.events.slice(-eventLines),
      `--- ${this.label}: msal-browser log (last ${sdkLogLines}) ---`,
      ...sdkLog.slice(-sdkLogLines),
    ].join('\n');
  }

  close(): Promise<void> {
    return this.context.close();
  }

  private record(line: string): void {
    this.events.push(`${new Date().toISOString()} ${line}`);
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }
}
