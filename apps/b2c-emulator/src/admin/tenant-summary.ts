import type { SigningKey } from '../keys/signing-key';
import type { TenantRuntime } from '../tenant/tenant-runtime';

/** A signing key as the admin API shows it: public facts only, never a private part. */
export interface SigningKeySummary {
  readonly kid: string;
  /** ISO 8601: when the key signs (or signed) from. */
  readonly nbf: string;
  /** `signing` now; `next`, published and signing from `nbf`; `previous`, still published. */
  readonly status: 'signing' | 'next' | 'previous';
}

/** A tenant as the admin API's tenant list shows it. */
export interface TenantSummary {
  readonly name: string;
  readonly id: string;
  readonly kind: 'b2c' | 'external-id';
  /** Whether admin routes act on it without `?tenant=`. */
  readonly default: boolean;
  readonly userFlows: readonly string[];
  readonly applications: readonly {
    readonly id: string;
    readonly name: string;
    readonly enabled: boolean;
  }[];
  readonly userCount: number;
  readonly signingKeys: readonly SigningKeySummary[];
}

/**
 * The published keys with what each is: the store lists the signing key first, then a pending
 * next key (its nbf later than the signing key's) and the previous one (earlier).
 */
function summariseKeys(published: readonly SigningKey[]): SigningKeySummary[] {
  const [signing] = published;
  return published.map((key) => ({
    kid: key.kid,
    nbf: new Date(key.nbf * 1000).toISOString(),
    status: key === signing ? 'signing' : key.nbf > (signing?.nbf ?? 0) ? 'next' : 'previous',
  }));
}

/** One tenant's summary: its names, kind, user flows, applications, user count and keys. */
export async function summariseTenant(
  runtime: TenantRuntime,
  isDefault: boolean,
): Promise<TenantSummary> {
  const { tenant } = runtime;
  const [users, published] = await Promise.all([runtime.users.list(), runtime.keys.published()]);
  return {
    name: tenant.name,
    id: tenant.id,
    kind: tenant.kind,
    default: isDefault,
    userFlows: tenant.userFlows.map((flow) => flow.name),
    applications: tenant.applications.map(({ id, name, enabled }) => ({ id, name, enabled })),
    userCount: users.length,
    signingKeys: summariseKeys(published),
  };
}
