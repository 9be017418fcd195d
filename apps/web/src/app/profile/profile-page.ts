import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthStore } from '@ropc/angular-auth';
import { describeHttpError } from '../http/describe-http-error';
import { DateTimePipe } from '../time/date-time-pipe';
import { claimRows } from './claim-rows';
import type { MeResponse } from './me-response';

/** The API route that echoes the access token's identity. */
export const ME_URL = '/api/me';

/**
 * Who you are, twice: what the id token says (read in the browser) and what the API makes of the
 * access token (`GET /api/me`). Seeing both side by side is how one checks a tenant's claims
 * and scopes.
 */
@Component({
  selector: 'app-profile-page',
  imports: [DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-page.html',
})
export class ProfilePage {
  private readonly store = inject(AuthStore);

  protected readonly claims = this.store.user;
  protected readonly accessTokenExpiresAt = this.store.accessTokenExpiresAt;
  protected readonly sessionEndsAt = this.store.sessionEndsAt;
  protected readonly rows = computed(() => {
    const claims = this.claims();
    return claims === null ? [] : claimRows(claims);
  });
  protected readonly emails = computed(() => {
    const claims = this.claims();
    const emails = claims?.emails ?? (claims?.email === undefined ? [] : [claims.email]);
    return emails.join(', ');
  });

  protected readonly me = httpResource<MeResponse>(() => ME_URL);
  protected readonly meError = computed(() => {
    const error = this.me.error();
    return error === undefined ? null : describeHttpError(error);
  });

  /** Epoch seconds (JWT `NumericDate`) to epoch milliseconds, for the date pipe. */
  protected secondsToMs(seconds: number | undefined): number | null {
    return seconds === undefined ? null : seconds * 1000;
  }
}
