import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { AuthService, AuthStore } from '@ropc/angular-auth';
import { displayNameOf } from './display-name-of';

/** The app bar: the app's name, the page links, and who is signed in with a way out. */
@Component({
  selector: 'app-header',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app-header.html',
})
export class AppHeader {
  private readonly store = inject(AuthStore);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly signedIn = this.store.isSignedIn;
  protected readonly userName = computed(() => displayNameOf(this.store.user()));
  protected readonly signingOut = signal(false);

  /** Signs out, then shows the sign-in page, even when the server could not be told. */
  protected async signOut(): Promise<void> {
    this.signingOut.set(true);
    try {
      await this.auth.signOut();
    } catch {
      // The tokens are gone from this tab either way; a server that could not be told ends the
      // session when its cookie expires, so there is nothing useful to show here.
    } finally {
      this.signingOut.set(false);
    }
    await this.router.navigateByUrl('/sign-in');
  }
}
