import { withQuery } from './admin-api';
import type { LockoutEntry, ProtectionState, TenantSummary } from './api-types';
import type { ConsoleContext, ConsoleSection } from './console-context';
import { button, note, required, show, table } from './dom';

/**
 * The chosen tenant's smart-lockout pairs (with a button that lifts one) and its service-limit
 * counters, from `GET /.emulator/protection?tenant=`.
 */
export class ProtectionView implements ConsoleSection {
  private readonly settings = required('protection-settings', HTMLParagraphElement);
  private readonly lockouts = required('lockouts-list', HTMLDivElement);
  private readonly limits = required('limits-list', HTMLDivElement);

  constructor(private readonly context: ConsoleContext) {
    required('protection-refresh', HTMLButtonElement).addEventListener('click', () => {
      void context.status.run(() => this.refresh());
    });
  }

  async refresh(): Promise<void> {
    const tenant = this.context.chosenTenant();
    if (!tenant) return;
    const state = (await this.context.api.get(
      withQuery('/.emulator/protection', { tenant: tenant.name }),
    )) as ProtectionState;
    this.render(tenant, state);
  }

  clear(): void {
    this.settings.textContent = '';
    show(this.lockouts);
    show(this.limits);
  }

  private async unlock(tenant: TenantSummary, entry: LockoutEntry): Promise<void> {
    const { cleared } = (await this.context.api.call(
      'POST',
      withQuery('/.emulator/protection/unlock', { tenant: tenant.name }),
      { account: entry.account, clientIp: entry.clientIp },
    )) as { cleared: number };
    await this.refresh();
    this.context.status.say(
      cleared === 0
        ? `${entry.account} had nothing left to clear.`
        : `Cleared the lockout of ${entry.account}.`,
    );
  }

  private render(tenant: TenantSummary, state: ProtectionState): void {
    const { lockoutThreshold, lockoutDurationSeconds } = state.settings;
    this.settings.textContent =
      `${tenant.name} locks an account after ${lockoutThreshold} distinct wrong passwords, ` +
      `first for ${lockoutDurationSeconds} s.`;
    show(
      this.lockouts,
      state.lockouts.length === 0
        ? note('No account has failed sign-ins or a lock.')
        : table(
            'Smart lockout',
            ['Account', 'Client address', 'Failures', 'Times locked', 'Locked until', 'Action'],
            state.lockouts.map((entry) => [
              entry.account,
              entry.clientIp ?? 'any (locked per account)',
              String(entry.failures),
              String(entry.lockouts),
              entry.lockedUntil ?? 'not locked',
              button(
                'Clear',
                () => {
                  void this.context.status.run(() => this.unlock(tenant, entry));
                },
                `Clear lockout of ${entry.account}${entry.clientIp ? ` from ${entry.clientIp}` : ''}`,
              ),
            ]),
          ),
    );
    show(
      this.limits,
      state.serviceLimits.length === 0
        ? note('No token requests counted in a current window.')
        : table(
            'Service limits (token requests)',
            ['Counted per', 'Requests', 'Limit', 'Window', 'Window ends', 'Refusing'],
            state.serviceLimits.map((entry) => [
              entry.scope === 'tenant' ? 'tenant' : `client ${entry.clientIp ?? ''}`,
              String(entry.count),
              String(entry.limit),
              `${entry.windowSeconds} s`,
              entry.windowEnd,
              entry.limited ? 'yes' : 'no',
            ]),
          ),
    );
  }
}
