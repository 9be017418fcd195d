import { withQuery } from './admin-api';
import type { OutboxList } from './api-types';
import type { ConsoleContext, ConsoleSection } from './console-context';
import { element, note, required, show, table } from './dom';

/**
 * The one-time codes sent to an address, from `GET /.emulator/outbox?to=`. The outbox is read
 * by address only: the table store keeps addresses as keyed hashes, so it cannot list them all.
 */
export class OutboxView implements ConsoleSection {
  private readonly address = required('outbox-address', HTMLInputElement);
  private readonly suggestions = required('outbox-addresses', HTMLDataListElement);
  private readonly list = required('outbox-list', HTMLDivElement);
  private shown: string | undefined;

  constructor(private readonly context: ConsoleContext) {
    required('outbox-form', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      this.shown = this.address.value;
      void context.status.run(() => this.refresh());
    });
  }

  /** Offers these addresses as suggestions (the chosen tenant's users'). */
  suggest(addresses: readonly string[]): void {
    show(
      this.suggestions,
      ...addresses.map((address) => element('option', { attributes: { value: address } })),
    );
  }

  async refresh(): Promise<void> {
    if (this.shown === undefined) return;
    const to = this.shown;
    const { messages } = (await this.context.api.get(
      withQuery('/.emulator/outbox', { to }),
    )) as OutboxList;
    show(
      this.list,
      messages.length === 0
        ? note(`No codes were sent to ${to} in the last hour.`)
        : table(
            `Codes sent to ${to}, newest first`,
            ['To', 'Code', 'Purpose', 'Sent at'],
            messages.map((message) => [message.to, message.code, message.purpose, message.sentAt]),
          ),
    );
  }

  clear(): void {
    this.shown = undefined;
    this.address.value = '';
    show(this.suggestions);
    show(this.list);
  }
}
