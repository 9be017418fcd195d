import { withQuery } from './admin-api';
import type { GraphUser, GraphUserList, TenantSummary } from './api-types';
import type { ConsoleContext, ConsoleSection } from './console-context';
import { button, element, note, required, show, table } from './dom';

/** The sign-in names of a user, e-mail addresses and usernames alike. */
function signInNames(user: GraphUser): string[] {
  return user.identities
    .filter(
      (identity) => identity.signInType === 'emailAddress' || identity.signInType === 'userName',
    )
    .map((identity) => identity.issuerAssignedId);
}

/**
 * The chosen tenant's users through the Graph-shaped routes (`/v1.0/users?tenant=`): list,
 * create, disable or enable, reset a password, revoke sessions. Passwords typed here are cleared
 * from their fields as soon as they are sent.
 */
export class UsersView implements ConsoleSection {
  private readonly list = required('users-list', HTMLDivElement);
  private readonly heading = required('users-heading', HTMLHeadingElement);
  private readonly resetUser = required('reset-user', HTMLSelectElement);

  constructor(
    private readonly context: ConsoleContext,
    /** Hears the sign-in names of the tenant's users whenever they load (the outbox suggests them). */
    private readonly onUsers: (signInNames: readonly string[]) => void,
  ) {
    required('users-refresh', HTMLButtonElement).addEventListener('click', () => {
      void context.status.run(() => this.refresh());
    });
    this.onSubmit('create-user-form', () => this.create());
    this.onSubmit('reset-password-form', () => this.resetPassword());
  }

  async refresh(): Promise<void> {
    const tenant = this.context.chosenTenant();
    if (!tenant) return;
    const { value } = (await this.context.api.get(
      withQuery('/v1.0/users', { tenant: tenant.name }),
    )) as GraphUserList;
    this.render(tenant, value);
    this.onUsers(value.flatMap(signInNames));
  }

  clear(): void {
    this.heading.textContent = 'Users';
    show(this.list);
    show(this.resetUser);
  }

  private onSubmit(formId: string, action: () => Promise<void>): void {
    required(formId, HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void this.context.status.run(action);
    });
  }

  private tenant(): TenantSummary {
    const tenant = this.context.chosenTenant();
    if (!tenant) throw new Error('No tenant is shown yet.');
    return tenant;
  }

  private userPath(tenant: TenantSummary, id: string, rest = ''): string {
    return withQuery(`/v1.0/users/${encodeURIComponent(id)}${rest}`, { tenant: tenant.name });
  }

  private async create(): Promise<void> {
    const tenant = this.tenant();
    const displayName = required('create-display-name', HTMLInputElement);
    const signInName = required('create-sign-in-name', HTMLInputElement);
    const password = required('create-password', HTMLInputElement);
    const typed = password.value;
    password.value = '';
    const created = (await this.context.api.call(
      'POST',
      withQuery('/v1.0/users', { tenant: tenant.name }),
      {
        displayName: displayName.value,
        identities: [
          { signInType: 'emailAddress', issuer: tenant.name, issuerAssignedId: signInName.value },
        ],
        // An External ID user may have none: they sign in with e-mailed codes.
        ...(typed === ''
          ? {}
          : { passwordProfile: { password: typed, forceChangePasswordNextSignIn: false } }),
      },
    )) as GraphUser;
    displayName.value = '';
    signInName.value = '';
    await this.refresh();
    this.context.status.say(`Created user ${created.displayName}.`);
  }

  private async resetPassword(): Promise<void> {
    const tenant = this.tenant();
    const password = required('reset-password', HTMLInputElement);
    const typed = password.value;
    password.value = '';
    const chosen = this.resetUser.selectedOptions[0];
    await this.context.api.call('PATCH', this.userPath(tenant, this.resetUser.value), {
      passwordProfile: { password: typed, forceChangePasswordNextSignIn: false },
    });
    this.context.status.say(`Password reset for ${chosen?.textContent ?? 'the user'}.`);
  }

  private async setEnabled(user: GraphUser, enabled: boolean): Promise<void> {
    await this.context.api.call('PATCH', this.userPath(this.tenant(), user.id), {
      accountEnabled: enabled,
    });
    await this.refresh();
    this.context.status.say(`${enabled ? 'Enabled' : 'Disabled'} ${user.displayName}.`);
  }

  private async revoke(user: GraphUser): Promise<void> {
    await this.context.api.call(
      'POST',
      this.userPath(this.tenant(), user.id, '/revokeSignInSessions'),
    );
    this.context.status.say(`Revoked the sign-in sessions of ${user.displayName}.`);
  }

  private render(tenant: TenantSummary, users: readonly GraphUser[]): void {
    this.heading.textContent = `Users of ${tenant.name}`;
    const act = (action: () => Promise<void>) => () => {
      void this.context.status.run(action);
    };
    show(
      this.list,
      users.length === 0
        ? note('This tenant has no users.')
        : table(
            `Users of ${tenant.name}`,
            ['Display name', 'Sign-in names', 'Account', 'Object id', 'Actions'],
            users.map((user) => [
              user.displayName,
              signInNames(user).join(', '),
              user.accountEnabled ? 'Enabled' : 'Disabled',
              user.id,
              element('span', {}, [
                button(
                  user.accountEnabled ? 'Disable' : 'Enable',
                  act(() => this.setEnabled(user, !user.accountEnabled)),
                  `${user.accountEnabled ? 'Disable' : 'Enable'} ${user.displayName}`,
                ),
                button(
                  'Revoke sessions',
                  act(() => this.revoke(user)),
                  `Revoke sessions of ${user.displayName}`,
                ),
              ]),
            ]),
          ),
    );
    show(
      this.resetUser,
      ...users.map((user) =>
        element('option', {
          text: `${user.displayName} (${signInNames(user).join(', ')})`,
          attributes: { value: user.id },
        }),
      ),
    );
  }
}
