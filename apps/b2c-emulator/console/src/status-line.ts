import { AdminApiError } from './admin-api';

/**
 * The console's one live region: what the last action did, or why it failed, announced politely
 * to screen readers. Errors show the emulator's own message (as text).
 */
export class StatusLine {
  constructor(private readonly region: HTMLElement) {}

  say(message: string): void {
    this.region.classList.remove('error');
    this.region.textContent = message;
  }

  fail(error: unknown): void {
    this.region.classList.add('error');
    this.region.textContent =
      error instanceof AdminApiError
        ? `${error.message} (${error.status} ${error.code})`
        : `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
  }

  /** Runs an action; its failure goes to the status line instead of being thrown. */
  async run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.fail(error);
    }
  }
}
