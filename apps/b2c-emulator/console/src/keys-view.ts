import { withQuery } from './admin-api';
import type { ConsoleContext, ConsoleSection } from './console-context';
import { note, required, show, table } from './dom';

/**
 * The chosen tenant's published signing keys (kid, when each signs from, which signs now) and
 * a rotation: a new key published at once that signs after the delay given (0: at once).
 */
export class KeysView implements ConsoleSection {
  private readonly list = required('keys-list', HTMLDivElement);

  constructor(
    private readonly context: ConsoleContext,
    /** Loads the tenants again: the keys come with them. */
    private readonly reloadTenants: () => Promise<void>,
  ) {
    required('rotate-form', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void context.status.run(() => this.rotate());
    });
  }

  refresh(): Promise<void> {
    const tenant = this.context.chosenTenant();
    if (!tenant) return Promise.resolve();
    show(
      this.list,
      tenant.signingKeys.length === 0
        ? note('No signing key yet.')
        : table(
            `Signing keys of ${tenant.name}`,
            ['Key id (kid)', 'Signs from', 'Status'],
            tenant.signingKeys.map((key) => [
              key.kid,
              key.nbf,
              key.status === 'signing'
                ? 'signing now'
                : key.status === 'next'
                  ? 'published, signs next'
                  : 'previous, still published',
            ]),
          ),
    );
    return Promise.resolve();
  }

  clear(): void {
    show(this.list);
  }

  private async rotate(): Promise<void> {
    const tenant = this.context.chosenTenant();
    if (!tenant) return;
    const delaySeconds = Number(required('rotate-delay', HTMLInputElement).value);
    const { kid } = (await this.context.api.call(
      'POST',
      withQuery('/.emulator/keys/rotate', { tenant: tenant.name }),
      { delaySeconds },
    )) as { kid: string };
    await this.reloadTenants();
    this.context.status.say(`Rotated: key ${kid} is published.`);
  }
}
