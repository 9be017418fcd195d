import {
  MemoryRateCounterStore,
  MemoryStateStore,
  normaliseUsername,
  type AccountLedger,
  type AtomicStateStore,
  type RateCounterStore,
} from '@ropc/identity-protection';
import { authorityEndpointUrl, type TokenRequest } from '@ropc/protocol';
import type { ApiConfig, B2CSettings } from '../config';
import type { EndedSessionStore } from './ended-session-store';
import { MemoryEndedSessionStore } from './memory-ended-session-store';
import { ProxyGuards } from './proxy-guards';
import { DEFAULT_THROTTLE_BACKOFF_SECONDS, retryAfterSeconds } from './upstream-backoff';
import { forwardTokenRequest, type UpstreamAnswer } from './upstream-token-endpoint';

/** The state the proxy shares across requests (and, with a durable store, across instances). */
export interface SignInProxyStores {
  readonly counters: RateCounterStore;
  readonly endedSessions: EndedSessionStore;
  /** Per-account failure budgets (`AccountFailureBudget`). */
  readonly budgets: AtomicStateStore<AccountLedger>;
}

/**
 * The sign-in proxy's collaborators: where it forwards, how it protects accounts and throttles
 * clients, what it remembers. The three endpoints (`auth-token.ts`, `auth-refresh.ts`,
 * `auth-sign-out.ts`) are steps over these. It forwards to the B2C authority, so it exists only
 * when the B2C settings are given (a TypeError otherwise).
 */
export class SignInProxy extends ProxyGuards {
  /** The authority the proxy forwards to, and the client id it sends. */
  readonly b2c: B2CSettings;
  readonly tokenEndpoint: string;

  constructor(
    config: ApiConfig,
    stores: SignInProxyStores = {
      counters: new MemoryRateCounterStore(),
      endedSessions: new MemoryEndedSessionStore(),
      budgets: new MemoryStateStore<AccountLedger>(),
    },
    now: () => number = Date.now,
    log: (line: string) => void = (line) => {
      console.warn(line);
    },
  ) {
    super(config, stores, now, log, { proxy: 'sign-in proxy', authority: 'B2C', kind: 'b2c' });
    const { b2c } = config;
    if (!b2c) throw new TypeError('the sign-in proxy needs the B2C settings');
    this.b2c = b2c;
    this.tokenEndpoint = authorityEndpointUrl(b2c.parsedAuthority, 'token');
  }

  /**
   * Sends a token request to the authority, counting the call; a 429 holds back every further
   * call of this instance for the time the authority asked.
   */
  async forward(request: TokenRequest): Promise<UpstreamAnswer> {
    this.metrics.upstreamCall();
    const answer = await forwardTokenRequest(this.authorityClient, this.tokenEndpoint, request);
    if (answer.kind === 'refused' && answer.status === 429)
      this.backoff.backOff(retryAfterSeconds(answer.retryAfter, DEFAULT_THROTTLE_BACKOFF_SECONDS));
    return answer;
  }

  /** The account an attempt is for: the authority and the normalised username. */
  accountOf(username: string): string {
    return `${this.b2c.authority}|${normaliseUsername(username)}`;
  }
}
