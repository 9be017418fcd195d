import type { TrustedKey } from './import-key-set';
import { KeySource, type KeyBinding, type KeySourceContext } from './key-source';
import { RefetchBudget } from './refetch-budget';
import type { KeySourceConfig, ResolvedKeyCacheOptions } from './resolve-token-validator-options';
import type { SignatureAlgorithm } from './signature-algorithm';
import { TokenValidationError } from './token-validation-error';

/** A key found for a token header, and the authorities that vouch for it. */
export interface ResolvedKey {
  readonly key: TrustedKey;
  readonly cryptoKey: CryptoKey;
  readonly bindings: readonly KeyBinding[];
}

/**
 * The signing keys of every trusted authority, fetched lazily. A kid that is cached always
 * resolves without I/O. Unknown kids may refetch each authority at most once per cooldown and
 * within the shared {@link RefetchBudget}; concurrent misses wait on the fetch already under way.
 * While an endpoint fails its last good keys serve for `maxStaleMs`.
 */
export class KeyStore {
  private readonly sources: readonly KeySource[];
  private readonly budget: RefetchBudget;
  /** When an unknown kid last caused a refetch of each source. */
  private readonly lastMissRefetchAt = new Map<KeySource, number>();
  /**
   * Sources that an unknown kid could not refetch during the cooldown: each gets one refetch when
   * the cooldown ends (on the first validation after it), so a key published just after a
   * refetch is read within a cooldown even while no token names it.
   */
  private readonly refetchDueAt = new Map<KeySource, number>();

  constructor(
    configs: readonly KeySourceConfig[],
    context: KeySourceContext,
    private readonly policy: ResolvedKeyCacheOptions,
  ) {
    this.sources = configs.map((config) => new KeySource(config, context));
    this.budget = new RefetchBudget(policy.maxRefetchesPerMinute);
  }

  /**
   * Starts due refreshes in the background: scheduled ones, one at the end of a cooldown that
   * refused an unknown kid, and retries of a failing endpoint.
   */
  maintain(now: number): void {
    const { refreshIntervalMs } = this.policy;
    for (const source of this.sources) {
      if (source.lastSuccessAt === undefined || source.fetching) continue;
      const missDue = (this.refetchDueAt.get(source) ?? Infinity) <= now;
      const due =
        missDue ||
        source.failingSince !== undefined ||
        (refreshIntervalMs !== false && now - source.lastSuccessAt >= refreshIntervalMs);
      if (!due || !this.mayFetch(source, now)) continue;
      this.refetchDueAt.delete(source);
      void source.refresh();
    }
  }

  /**
   * The key for a token's `kid` and `alg`. Throws `ERR_KEY_NOT_FOUND`, `ERR_ALGORITHM_NOT_ALLOWED`
   * (the kid names a key that may not serve this algorithm) or `ERR_METADATA_UNAVAILABLE`.
   */
  resolve(kid: string, alg: SignatureAlgorithm, now: number): ResolvedKey | Promise<ResolvedKey> {
    // A cached kid resolves synchronously: the hot path never waits on a promise.
    return this.find(kid, alg, now) ?? this.resolveMiss(kid, alg, now);
  }

  /** True while a usable authority still publishes this key (so cached verdicts may stand). */
  isTrusted(kid: string, material: string, now: number): boolean {
    return this.sources.some(
      (source) =>
        source.isUsable(now, this.policy.maxStaleMs) && source.keys.get(kid)?.material === material,
    );
  }

  /** True when an authority of this store has `issuer` (known from its discovery or options). */
  hasIssuer(issuer: string): boolean {
    // A plain loop: this runs for every token an issuer dispatcher routes.
    for (const source of this.sources) if (source.issuer === issuer) return true;
    return false;
  }

  /** True once every authority's issuer is known. */
  issuersKnown(): boolean {
    return this.sources.every((source) => source.issuer !== undefined);
  }

  /**
   * Reads the metadata of the authorities whose issuer is not known yet, as a first validation
   * would: the first fetch at once, later ones after the cooldown and within the budget.
   */
  async loadIssuers(now: number): Promise<void> {
    const pending = this.sources.filter(
      (source) =>
        source.issuer === undefined &&
        (source.fetching !== undefined || this.mayFetch(source, now)),
    );
    if (pending.length > 0) await Promise.all(pending.map((source) => source.refresh()));
  }

  /** `ERR_METADATA_UNAVAILABLE` for the authorities whose issuer is still unknown. */
  issuersUnavailable(now: number): TokenValidationError {
    return this.unavailable(
      this.sources.filter((source) => source.issuer === undefined),
      now,
    );
  }

  private async resolveMiss(
    kid: string,
    alg: SignatureAlgorithm,
    now: number,
  ): Promise<ResolvedKey> {
    await this.loadMissing(now);
    const found = this.find(kid, alg, now) ?? (await this.refetchFor(kid, alg, now));
    if (found) return found;
    throw this.missError(now);
  }

  private async loadMissing(now: number): Promise<void> {
    const pending = this.sources.filter(
      (source) =>
        source.lastSuccessAt === undefined &&
        (source.fetching !== undefined || this.mayFetch(source, now)),
    );
    if (pending.length > 0) await Promise.all(pending.map((source) => source.refresh()));
  }

  private async refetchFor(
    kid: string,
    alg: SignatureAlgorithm,
    now: number,
  ): Promise<ResolvedKey | undefined> {
    const underway = this.sources.flatMap((source) => source.fetching ?? []);
    if (underway.length > 0) {
      await Promise.all(underway);
    } else {
      const allowed = this.sources.filter((source) => {
        if (this.mayRefetchForMiss(source, now)) return true;
        this.scheduleAfterCooldown(source);
        return false;
      });
      if (allowed.length === 0) return undefined;
      for (const source of allowed) this.lastMissRefetchAt.set(source, now);
      await Promise.all(allowed.map((source) => source.refresh()));
    }
    return this.find(kid, alg, now);
  }

  private find(kid: string, alg: SignatureAlgorithm, now: number): ResolvedKey | undefined {
    let found: { key: TrustedKey; cryptoKey: CryptoKey; bindings: KeyBinding[] } | undefined;
    for (const source of this.sources) {
      const key = source.keys.get(kid);
      if (!key || !source.binding || !source.isUsable(now, this.policy.maxStaleMs)) continue;
      if (found === undefined) {
        const cryptoKey = key.cryptoKeys.get(alg);
        if (!cryptoKey) {
          throw new TokenValidationError('ERR_ALGORITHM_NOT_ALLOWED', {
            detail: 'the key named by kid may not serve the token alg',
          });
        }
        found = { key, cryptoKey, bindings: [source.binding] };
      } else if (key.material === found.key.material) {
        // The same key published by several authorities (user flows of one tenant share keys).
        found.bindings.push(source.binding);
      }
    }
    return found;
  }

  /**
   * An unknown kid may refetch a healthy source once per cooldown counted from the last such
   * refetch — not from the first load — so that a key rotated in just after a fetch is picked up
   * at once; bogus kids then wait out the cooldown. A failing source waits from its last attempt.
   */
  private mayRefetchForMiss(source: KeySource, now: number): boolean {
    if (source.lastAttemptAt === undefined || source.failingSince !== undefined) {
      return this.mayFetch(source, now);
    }
    const last = this.lastMissRefetchAt.get(source);
    if (last !== undefined && now - last < this.policy.refetchCooldownMs) return false;
    return this.budget.tryTake(now);
  }

  /** A source whose miss refetch the cooldown refused gets one when it ends (see `maintain`). */
  private scheduleAfterCooldown(source: KeySource): void {
    const last = this.lastMissRefetchAt.get(source);
    if (last !== undefined && !this.refetchDueAt.has(source))
      this.refetchDueAt.set(source, last + this.policy.refetchCooldownMs);
  }

  /** The first fetch of a source is free; later ones wait out the cooldown and need budget. */
  private mayFetch(source: KeySource, now: number): boolean {
    if (source.lastAttemptAt === undefined) return true;
    if (now - source.lastAttemptAt < this.policy.refetchCooldownMs) return false;
    return this.budget.tryTake(now);
  }

  private missError(now: number): TokenValidationError {
    const unusable = this.sources.filter((source) => !source.isUsable(now, this.policy.maxStaleMs));
    if (unusable.length === 0) {
      return new TokenValidationError('ERR_KEY_NOT_FOUND', {
        detail: 'no trusted key has the token kid',
      });
    }
    return this.unavailable(unusable, now);
  }

  /** `ERR_METADATA_UNAVAILABLE` with the earliest time a fetch for `unusable` is allowed. */
  private unavailable(unusable: readonly KeySource[], now: number): TokenValidationError {
    const waits = unusable.map((source) =>
      Math.max(
        (source.lastAttemptAt ?? now) + this.policy.refetchCooldownMs - now,
        this.budget.waitMs(now),
      ),
    );
    return new TokenValidationError('ERR_METADATA_UNAVAILABLE', {
      detail: unusable.map((source) => source.lastFailure ?? 'keys not loaded').join('; '),
      retryAfterSeconds: Math.max(1, Math.ceil(Math.min(...waits) / 1000)),
    });
  }
}
