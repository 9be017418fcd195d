/**
 * The shapes of the admin API answers the console reads (apps/b2c-emulator/README.md). The
 * console trusts their structure (the emulator is its own origin) but never their text: every
 * value goes into the page as text or an attribute.
 */

export interface SigningKeySummary {
  readonly kid: string;
  readonly nbf: string;
  readonly status: 'signing' | 'next' | 'previous';
}

export interface TenantSummary {
  readonly name: string;
  readonly id: string;
  readonly kind: 'b2c' | 'external-id';
  readonly default: boolean;
  readonly userFlows: readonly string[];
  readonly applications: readonly { id: string; name: string; enabled: boolean }[];
  readonly userCount: number;
  readonly signingKeys: readonly SigningKeySummary[];
}

export interface TenantList {
  readonly tenants: readonly TenantSummary[];
}

export interface GraphUser {
  readonly id: string;
  readonly displayName: string;
  readonly accountEnabled: boolean;
  readonly identities: readonly { signInType: string; issuerAssignedId: string }[];
}

export interface GraphUserList {
  readonly value: readonly GraphUser[];
}

export interface LockoutEntry {
  readonly account: string;
  readonly clientIp: string | null;
  readonly failures: number;
  readonly lockouts: number;
  readonly locked: boolean;
  readonly lockedUntil: string | null;
}

export interface ServiceLimitEntry {
  readonly scope: 'client' | 'tenant';
  readonly clientIp: string | null;
  readonly count: number;
  readonly limit: number;
  readonly windowSeconds: number;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly limited: boolean;
}

export interface ProtectionState {
  readonly tenant: string;
  readonly settings: {
    readonly lockoutThreshold: number;
    readonly lockoutDurationSeconds: number;
  };
  readonly lockouts: readonly LockoutEntry[];
  readonly serviceLimits: readonly ServiceLimitEntry[];
}

export interface ClockState {
  readonly offsetSeconds: number;
  readonly now: string;
}

export interface OutboxMessage {
  readonly to: string;
  readonly code: string;
  readonly purpose: string;
  readonly sentAt: string;
}

export interface OutboxList {
  readonly messages: readonly OutboxMessage[];
}
