import type { ClockState } from './api-types';
import type { ConsoleContext, ConsoleSection } from './console-context';
import { required } from './dom';

/** The emulator's clock (every tenant's): its time now and its offset from real time, settable. */
export class ClockView implements ConsoleSection {
  private readonly now = required('clock-now', HTMLParagraphElement);
  private readonly offset = required('clock-offset', HTMLInputElement);

  constructor(private readonly context: ConsoleContext) {
    required('clock-refresh', HTMLButtonElement).addEventListener('click', () => {
      void context.status.run(() => this.refresh());
    });
    required('clock-form', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void context.status.run(() => this.set());
    });
  }

  async refresh(): Promise<void> {
    this.render((await this.context.api.get('/.emulator/clock')) as ClockState);
  }

  clear(): void {
    this.now.textContent = '';
  }

  private async set(): Promise<void> {
    const offsetSeconds = Number(this.offset.value);
    const state = (await this.context.api.call('POST', '/.emulator/clock', {
      offsetSeconds,
    })) as ClockState;
    this.render(state);
    this.context.status.say(`Clock offset set to ${state.offsetSeconds} s.`);
  }

  private render(state: ClockState): void {
    this.now.textContent = `Emulator time ${state.now}, offset ${state.offsetSeconds} s.`;
    this.offset.value = String(state.offsetSeconds);
  }
}
