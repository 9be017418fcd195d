import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService, AuthStore } from '@ropc/angular-auth';
import { tickingNow } from '../time/ticking-now';

/** How long before the session ends the notice appears. */
export const SESSION_WARNING_MS = 2 * 60 * 1000;

/**
 * A polite banner shortly before the session ends (the refresh token's life, which no refresh
 * extends), so people can save their work and sign in again on their own terms. The live region
 * is always in the page, because screen readers announce changes to a region they already know;
 * the spoken text changes only per minute, while the visible countdown is hidden from them.
 */
@Component({
  selector: 'app-session-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-notice.html',
})
export class SessionNotice {
  private readonly store = inject(AuthStore);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly now = tickingNow(this.store.isSignedIn);

  /** Milliseconds left while the notice is due, else `null`. */
  private readonly remainingMs = computed(() => {
    const endsAt = this.store.sessionEndsAt();
    if (!this.store.isSignedIn() || endsAt === null) return null;
    const remaining = endsAt - this.now();
    return remaining <= SESSION_WARNING_MS ? Math.max(0, remaining) : null;
  });

  protected readonly visible = computed(() => this.remainingMs() !== null);

  /** "2 minutes", "1 minute" or "less than a minute": stable enough to be announced. */
  protected readonly spokenTimeLeft = computed(() => {
    const minutes = Math.floor((this.remainingMs() ?? 0) / 60_000);
    if (minutes >= 2) return `${minutes} minutes`;
    return minutes === 1 ? '1 minute' : 'less than a minute';
  });

  /** "1:05": the visual countdown. */
  protected readonly countdown = computed(() => {
    const seconds = Math.ceil((this.remainingMs() ?? 0) / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  });

  /** Ends this session now and returns here after a fresh sign-in. */
  protected async signInAgain(): Promise<void> {
    const returnUrl = this.router.url;
    try {
      await this.auth.signOut();
    } catch {
      // Signed out locally either way; the sign-in page is still the way forward.
    }
    await this.router.navigate(['/sign-in'], { queryParams: { returnUrl } });
  }
}
