/**
 * The state of a native-authentication flow, kept on the server behind its continuation tokens
 * (docs/entra-native-auth-protocol.md §2.3: the chain of tokens is the flow's only state; the
 * client keeps none). Kind-neutral: steps and data are the kind's to name; the store answers
 * outcomes, and the kind maps them to its wire errors.
 */

/** The three flows of native authentication (§3, §4, §5). */
export type FlowKind = 'sign-in' | 'sign-up' | 'password-reset';

/** A JSON value: what flow data may hold, so that every store keeps it the same way. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** What a kind keeps between steps: a JSON object of bounded size (`flow-state-limits.ts`). */
export type FlowData = { readonly [key: string]: JsonValue };

/** Whom a flow is for: an existing user, or (sign-up) the normalised username of a new one. */
export type FlowUser =
  | { readonly kind: 'existing'; readonly userId: string }
  | { readonly kind: 'new'; readonly username: string };

/** A flow as the kind starts it. */
export interface NewFlow {
  readonly tenantId: string;
  readonly clientId: string;
  readonly user: FlowUser;
  readonly flow: FlowKind;
  /** The step the first token leads to, named by the kind (`[a-z][a-z0-9_-]*`). */
  readonly step: string;
  readonly data: FlowData;
}

/** A flow as read behind a live token. */
export interface FlowState extends NewFlow {
  /** Epoch ms at which this token was issued. */
  readonly issuedAt: number;
  /** Epoch ms at which this token stops working ({@link FLOW_TOKEN_LIFETIME_MS} after issue). */
  readonly expiresAt: number;
}

/** A token just issued, and the state behind it. */
export interface IssuedFlowToken {
  /** The continuation token: 256 random bits, base64url. The store keeps only its SHA-256. */
  readonly token: string;
  readonly state: FlowState;
}

/**
 * Why a token leads nowhere: never issued (or forgotten after {@link FLOW_RETENTION_MS}), past
 * its lifetime, or spent by a step that succeeded with it.
 */
export type FlowTokenFailure =
  { readonly outcome: 'unknown' } | { readonly outcome: 'expired' } | { readonly outcome: 'spent' };

/** A live token's state. */
export interface FoundFlow {
  readonly outcome: 'found';
  readonly state: FlowState;
}

export type FlowRead = FoundFlow | FlowTokenFailure;

/** Where a token must stand for a step to use it. */
export interface FlowPosition {
  readonly flow: FlowKind;
  readonly step: string;
}

/**
 * What a step decides from the state it read, with a result for its caller:
 * - `next`: the step succeeded — the token is spent and the next one issued, leading to `step`;
 * - `end`: the flow is over (tokens were issued, the user created) — the token is spent, none
 *   follows;
 * - `stay`: the step failed or repeats (a wrong code, a resend) — the token stays usable, its
 *   data replaced by `data` when given, its lifetime unchanged.
 *
 * A step changes only the step and the data: the tenant, client, user and flow a token was bound
 * to at start stay bound to every token that follows it.
 */
export type FlowDecision<R> =
  | { readonly action: 'next'; readonly step: string; readonly data: FlowData; readonly result: R }
  | { readonly action: 'end'; readonly result: R }
  | { readonly action: 'stay'; readonly data?: FlowData; readonly result: R };

/** Outcome of {@link FlowStateStore.advance}. */
export type FlowAdvance<R> =
  | {
      readonly outcome: 'advanced';
      readonly token: string;
      readonly state: FlowState;
      readonly result: R;
    }
  | { readonly outcome: 'ended'; readonly state: FlowState; readonly result: R }
  | { readonly outcome: 'stayed'; readonly state: FlowState; readonly result: R }
  /** The token is live but stands elsewhere: nothing changed, it stays usable. */
  | { readonly outcome: 'wrong_step'; readonly state: FlowState }
  | FlowTokenFailure;

/** Outcome of {@link FlowStateStore.update}: the state as it is now. */
export type FlowUpdate =
  { readonly outcome: 'updated'; readonly state: FlowState } | FlowTokenFailure;

/**
 * How long a continuation token works: 600 s, the one lifetime the service publishes (§2.3, the
 * reset token's `expires_in`), used for every step here. Each token counts from its own issue.
 */
export const FLOW_TOKEN_LIFETIME_MS = 600_000;

/**
 * How long a store remembers a token past its lifetime (or its spending), so that a late step
 * reads `expired` or `spent` rather than `unknown`; then the cleanup timer forgets it. An hour
 * bounds what a burst of unauthenticated sign-up starts can leave behind.
 */
export const FLOW_RETENTION_MS = 3_600_000;

/**
 * Flow states behind continuation tokens, in memory or in a table. Every change is atomic per
 * token: two steps racing with one token never both succeed. `decide` and `change` may run more
 * than once when another writer wins a race, so they must have no side effects.
 */
export interface FlowStateStore {
  /** Issues the first token of a flow. @throws {TypeError} for a flow outside the limits. */
  start(flow: NewFlow): Promise<IssuedFlowToken>;
  read(token: string): Promise<FlowRead>;
  /**
   * Runs a step with `token`, which must stand at `expected`: `decide` sees the current state and
   * says whether the step moves the flow on (spending the token), ends it, or stays. A failed or
   * repeated step is a `stay`, so the same token works again (a resend, a poll, a retried
   * password), until one succeeds.
   */
  advance<R>(
    token: string,
    expected: FlowPosition,
    decide: (state: FlowState) => FlowDecision<R>,
  ): Promise<FlowAdvance<R>>;
  /**
   * Replaces the data behind `token` in place with what `change` returns (nothing: keep it),
   * without issuing a new token or extending its lifetime — e.g. to count a wrong code.
   */
  update(token: string, change: (state: FlowState) => FlowData | undefined): Promise<FlowUpdate>;
  /** Forgets tokens retained past {@link FLOW_RETENTION_MS} at `now`; returns how many. */
  deleteExpired(now: number): Promise<number>;
  /** Forgets every flow (tenant reset). */
  clear(): Promise<void>;
}
