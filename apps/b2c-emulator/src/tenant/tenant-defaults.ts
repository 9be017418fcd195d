/**
 * The values a tenant file may leave out, as B2C ships them (docs/b2c-ropc-protocol.md §5.2 and
 * §6). The schema's `default` keywords say the same; a spec keeps the two in step.
 */
import type {
  Application,
  IdentityProtection,
  RefreshTokenSettings,
  TenantUser,
} from './tenant-model';
import type { TokenLifetimes, UserFlow } from '../b2c/user-flow';

/** 60 min access and id tokens, 14-day refresh tokens, 90-day sliding window. */
export const DEFAULT_LIFETIMES: TokenLifetimes = {
  accessTokenSeconds: 3600,
  idTokenSeconds: 3600,
  refreshTokenSeconds: 1209600,
  slidingWindowSeconds: 7776000,
};

/** B2C's user-flow compatibility settings out of the box. */
export const USER_FLOW_DEFAULTS: Pick<
  UserFlow,
  'policyClaim' | 'issuerStyle' | 'subjectClaim' | 'expiresInAsString'
> = {
  policyClaim: 'tfp',
  issuerStyle: 'tenant',
  subjectClaim: 'objectId',
  expiresInAsString: false,
};

/** A new registration in the portal, set up for ROPC as the B2C walkthrough does. */
export const APPLICATION_DEFAULTS: Pick<
  Application,
  'publicClient' | 'implicitFlowAllowed' | 'ropcEnabled' | 'enabled'
> = {
  publicClient: true,
  implicitFlowAllowed: true,
  ropcEnabled: true,
  enabled: true,
};

/** A user created through Graph with `forceChangePasswordNextSignIn: false`. */
export const USER_DEFAULTS: Pick<TenantUser, 'accountEnabled' | 'forceChangePasswordNextSignIn'> = {
  accountEnabled: true,
  forceChangePasswordNextSignIn: false,
};

/**
 * Smart lockout: 10 failures, 1-minute lockouts growing every 10 up to 5 hours, near-identical
 * passwords counted together up to 3; 6,000 requests per 5 minutes per IP, 200 per second per
 * tenant (docs/b2c-ropc-protocol.md §6).
 */
export const DEFAULT_IDENTITY_PROTECTION: IdentityProtection = {
  lockoutThreshold: 10,
  lockoutDurationSeconds: 60,
  lockoutsPerStep: 10,
  maxLockoutSeconds: 18000,
  nearIdenticalVariants: 3,
  ipRequestLimit: { requests: 6000, windowSeconds: 300 },
  tenantRequestLimit: { requests: 200, windowSeconds: 1 },
};

/** Reuse detection on, with a short grace period for retries after a lost response. */
export const DEFAULT_REFRESH_TOKENS: RefreshTokenSettings = {
  reuseDetection: true,
  reuseGraceSeconds: 10,
};
