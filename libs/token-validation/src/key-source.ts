import { isOpenIdConfiguration } from '@ropc/protocol';
import { fetchMetadataJson, type MetadataFetchOptions } from './fetch-metadata-json';
import { importKeySet, type TrustedKey } from './import-key-set';
import type { KeySourceConfig } from './resolve-token-validator-options';
import type { SignatureAlgorithm } from './signature-algorithm';
import { notify, type TokenValidationObserver } from './token-validation-observer';

/**
 * Which `iss` and policies a key may vouch for: those of the authority that published it
 * (`policies` undefined: the authority's tokens name no policy).
 */
export interface KeyBinding {
  readonly issuer: string;
  readonly policies: readonly string[] | undefined;
}

/** What a {@link KeySource} needs besides its configuration. */
export interface KeySourceContext extends MetadataFetchOptions {
  readonly algorithms: readonly SignatureAlgorithm[];
  readonly now: () => number;
  readonly observer?: TokenValidationObserver;
}

interface SourceMetadata {
  readonly issuer: string;
  readonly jwksUri: string;
}

/**
 * One trusted authority: its discovery document (fetched once, then kept) and its key set, with
 * the bookkeeping the {@link KeyStore} decides on. Fetches never throw; a failure keeps the last
 * good keys and is recorded (`failingSince`, `lastFailure`).
 */
export class KeySource {
  keys: ReadonlyMap<string, TrustedKey> = new Map();
  binding: KeyBinding | undefined;
  lastAttemptAt: number | undefined;
  lastSuccessAt: number | undefined;
  /** Start of the current run of failed fetches; undefined after a success. */
  failingSince: number | undefined;
  /** For operators' logs. */
  lastFailure: string | undefined;
  private metadata: SourceMetadata | undefined;
  private inflight: Promise<void> | undefined;

  constructor(
    private readonly config: KeySourceConfig,
    private readonly context: KeySourceContext,
  ) {
    if (config.kind === 'explicit') {
      this.metadata = { issuer: config.issuer, jwksUri: config.jwksUri };
    }
  }

  /** The issuer, once known: from the start for an explicit source, else after discovery. */
  get issuer(): string | undefined {
    return this.metadata?.issuer;
  }

  /** The fetch under way, which concurrent callers share. */
  get fetching(): Promise<void> | undefined {
    return this.inflight;
  }

  /** Keys may serve: loaded once, and not failing for longer than `maxStaleMs`. */
  isUsable(now: number, maxStaleMs: number): boolean {
    if (this.lastSuccessAt === undefined) return false;
    return this.failingSince === undefined || now - this.failingSince < maxStaleMs;
  }

  /** Re-reads the key set (and discovery, until it once succeeded); joins a fetch under way. */
  refresh(): Promise<void> {
    this.inflight ??= this.load().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async load(): Promise<void> {
    this.lastAttemptAt = this.context.now();
    try {
      const metadata = this.metadata ?? (await this.discover());
      this.metadata = metadata;
      const body = await fetchMetadataJson(metadata.jwksUri, 'JWKS', this.context);
      this.keys = await importKeySet(body, this.context.algorithms, this.keys);
      this.binding = { issuer: metadata.issuer, policies: this.config.policies };
      this.lastSuccessAt = this.context.now();
      this.failingSince = undefined;
      this.lastFailure = undefined;
      notify(this.context.observer?.keySetFetched, true);
    } catch (error) {
      this.failingSince ??= this.context.now();
      this.lastFailure = error instanceof Error ? error.message : 'key set fetch failed';
      notify(this.context.observer?.keySetFetched, false);
    }
  }

  private async discover(): Promise<SourceMetadata> {
    if (this.config.kind !== 'discovery') throw new Error('no discovery URL');
    const document = await fetchMetadataJson(this.config.discoveryUrl, 'discovery', this.context);
    if (!isOpenIdConfiguration(document) || !URL.canParse(document.jwks_uri)) {
      throw new Error('discovery document lacks issuer or jwks_uri');
    }
    return { issuer: document.issuer, jwksUri: document.jwks_uri };
  }
}
