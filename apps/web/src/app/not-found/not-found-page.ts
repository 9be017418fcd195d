import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Any path the app does not know: say so, and offer the way back. */
@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card not-found" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">Page not found</h1>
      <p class="muted">
        There is no page at this address. It may have moved, or the link is wrong.
      </p>
      <p><a [routerLink]="homePath">Go to your notes</a></p>
    </section>
  `,
})
export class NotFoundPage {
  protected readonly homePath = '/notes';
}
