import {
  TELEMETRY_ATTRIBUTES as ATTR,
  annotateRequestSpan,
  currentTelemetry,
  type AuthorityKind,
  type SignInOutcome,
} from '@ropc/telemetry';

/** What the request's span may say about a sign-in or refresh besides its outcome. */
export interface AttemptDetails {
  /** The authority's error code (`AADB2C90225`, `invalid_grant`, …), if it refused. */
  readonly errorCode?: string | undefined;
  /** The username the attempt was for: named on the span only as its keyed pseudonym. */
  readonly username?: string | undefined;
  /** The grant, for the native proxy's token endpoint. */
  readonly grantType?: string | undefined;
}

/** Grants as the spans name them; anything else is `other` (the field is the client's). */
const GRANTS = ['password', 'refresh_token', 'oob', 'continuation_token'];
/** An error code as authorities write them; anything else is not repeated. */
const ERROR_CODE = /^[A-Za-z0-9_]{1,64}(\/[A-Za-z0-9_]{1,64})?$/;

function annotate(kind: AuthorityKind, outcome: SignInOutcome, details: AttemptDetails): void {
  const { accounts } = currentTelemetry();
  const { errorCode, grantType, username } = details;
  annotateRequestSpan({
    [ATTR.authorityKind]: kind,
    [ATTR.outcome]: outcome,
    ...(errorCode === undefined
      ? {}
      : { [ATTR.errorCode]: ERROR_CODE.test(errorCode) ? errorCode : 'other' }),
    ...(grantType === undefined
      ? {}
      : { [ATTR.grantType]: GRANTS.includes(grantType) ? grantType : 'other' }),
    ...accounts.attributesOf(username),
  });
}

/** Counts a sign-in (`ropc.sign_ins`) and describes it on the request's span. */
export function recordSignIn(
  kind: AuthorityKind,
  outcome: SignInOutcome,
  details: AttemptDetails = {},
): void {
  currentTelemetry().instruments.signIns.record(kind, outcome);
  annotate(kind, outcome, details);
}

/** Counts a refresh (`ropc.refreshes`) and describes it on the request's span. */
export function recordRefresh(
  kind: AuthorityKind,
  outcome: SignInOutcome,
  details: AttemptDetails = {},
): void {
  currentTelemetry().instruments.refreshes.record(kind, outcome);
  annotate(kind, outcome, details);
}

/** The username of a proxy's account key (`{authority}|{normalised username}`). */
export function usernameOfAccount(account: string | undefined): string | undefined {
  if (account === undefined) return undefined;
  const bar = account.lastIndexOf('|');
  return bar < 0 ? undefined : account.slice(bar + 1);
}
