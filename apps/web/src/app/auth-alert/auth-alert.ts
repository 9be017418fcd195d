import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The alert of a sign-in, sign-up or reset form: the failure in plain words with its support
 * code, or else an optional success notice. The element itself is the live region, always in the
 * page and empty while there is nothing to say: screen readers announce changes to a region they
 * already know, and a page can give it room only while it speaks (`:not(:empty)`). Pages place it
 * after their submit button, where a message appearing pushes nothing the user is aiming at.
 *
 * Content projected into it (sign-up's "Go to sign-in" link) follows the message directly, inside
 * its paragraph, and shows only with a message; `&ngsp;` before it keeps a space between the two.
 */
@Component({
  selector: 'app-auth-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert', 'aria-atomic': 'true' },
  templateUrl: './auth-alert.html',
})
export class AuthAlert {
  /** The failure in plain words; null while there is none. */
  readonly message = input.required<string | null>();
  /** The failure's correlation id, shown as a support code when there is one. */
  readonly correlationId = input<string>();
  /** The message paragraph's id, for a field that `aria-describedby` points at it. */
  readonly messageId = input<string>();
  /** Said in a success alert when there is no failure, e.g. that a new code was sent. */
  readonly notice = input<string | null>(null);
}
