import type { TenantList, TenantSummary } from './api-types';
import type { ConsoleContext, ConsoleSection } from './console-context';
import { button, element, required, show, table } from './dom';

/**
 * The tenants of the emulator's tenant file, one row each, with a button that makes one the
 * tenant the other sections show (the default tenant at first).
 */
export class TenantsView implements ConsoleSection {
  private readonly list = required('tenants-list', HTMLDivElement);
  private tenants: readonly TenantSummary[] = [];
  private chosen: string | undefined;

  constructor(
    private readonly context: ConsoleContext,
    private readonly onChosen: () => Promise<void>,
  ) {
    required('tenants-refresh', HTMLButtonElement).addEventListener('click', () => {
      void context.status.run(() => this.refresh());
    });
  }

  chosenTenant(): TenantSummary | undefined {
    return this.tenants.find((tenant) => tenant.name === this.chosen);
  }

  async refresh(): Promise<void> {
    const { tenants } = (await this.context.api.get('/.emulator/tenants')) as TenantList;
    this.tenants = tenants;
    if (!this.chosenTenant()) this.chosen = (tenants.find((t) => t.default) ?? tenants[0])?.name;
    this.render();
  }

  clear(): void {
    this.tenants = [];
    this.chosen = undefined;
    show(this.list);
  }

  private choose(name: string): void {
    this.chosen = name;
    this.render();
    void this.context.status.run(async () => {
      await this.onChosen();
      this.context.status.say(`Showing tenant ${name}.`);
    });
  }

  private render(): void {
    const rendered = table(
      'Tenants in the tenant file',
      ['Name', 'Tenant id', 'Kind', 'User flows', 'Applications', 'Users', 'Shown below'],
      this.tenants.map((tenant) => [
        tenant.name,
        tenant.id,
        tenant.kind === 'b2c' ? 'Azure AD B2C' : 'Entra External ID',
        tenant.userFlows.join(', '),
        tenant.applications.map((app) => `${app.name} (${app.id})`).join(', '),
        String(tenant.userCount),
        tenant.name === this.chosen
          ? element('span', { text: 'Shown' })
          : button(
              'Show',
              () => {
                this.choose(tenant.name);
              },
              `Show tenant ${tenant.name}`,
            ),
      ]),
    );
    rendered.querySelectorAll('tbody tr').forEach((row, index) => {
      if (this.tenants[index]?.name === this.chosen) row.setAttribute('aria-current', 'true');
    });
    show(this.list, rendered);
  }
}
