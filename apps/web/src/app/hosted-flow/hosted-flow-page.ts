import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ROPC_AUTH_CONFIG } from '@ropc/angular-auth';

/** The self-service flows B2C's ROPC cannot do in the app. */
export type HostedFlow = 'sign-up' | 'password-reset';

const WORDING: Readonly<Record<HostedFlow, { heading: string; link: string; none: string }>> = {
  'sign-up': {
    heading: 'Create an account',
    link: 'Go to the sign-up page',
    none: "Creating an account isn't available in this app. Ask your Contoso administrator for one.",
  },
  'password-reset': {
    heading: 'Reset your password',
    link: 'Go to the password reset page',
    none: "Resetting a password isn't available in this app. Ask your Contoso administrator.",
  },
};

/**
 * `/sign-up` and `/reset-password` on B2C, where ROPC has neither (docs/b2c-ropc-protocol.md):
 * a link to the tenant's hosted user flow (`signUpUrl`, `passwordResetUrl` in config.json), or
 * a plain statement that the app offers none.
 */
@Component({
  selector: 'app-hosted-flow-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card hosted-flow" aria-labelledby="hosted-flow-heading">
      <h1 id="hosted-flow-heading">{{ wording().heading }}</h1>
      @if (url(); as href) {
        <p class="muted">This happens on Contoso's account pages; come back here to sign in.</p>
        <p>
          <a [href]="href" rel="noopener noreferrer">{{ wording().link }}</a>
        </p>
      } @else {
        <p class="muted">{{ wording().none }}</p>
      }
      <p><a routerLink="/sign-in">Back to sign in</a></p>
    </section>
  `,
})
export class HostedFlowPage {
  private readonly config = inject(ROPC_AUTH_CONFIG);

  /** From the route's `data`. */
  readonly flow = input.required<HostedFlow>();

  protected readonly wording = computed(() => WORDING[this.flow()]);
  protected readonly url = computed(() =>
    this.flow() === 'sign-up' ? this.config.signUpUrl : this.config.passwordResetUrl,
  );
}
