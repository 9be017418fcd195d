import {
  APPLICATION_DEFAULTS,
  DEFAULT_IDENTITY_PROTECTION,
  DEFAULT_LIFETIMES,
  DEFAULT_REFRESH_TOKENS,
  USER_DEFAULTS,
  USER_FLOW_DEFAULTS,
} from './tenant-defaults';
import type {
  TenantFile,
  TenantFileApplication,
  TenantFileUser,
  TenantFileUserFlow,
} from './tenant-file';
import type { Application, Tenant, TenantUser } from './tenant-model';
import type { UserFlow } from '../b2c/user-flow';

/** Turns a clear-text password into an argon2id PHC string. */
export type PasswordHashFunction = (plain: string) => Promise<string>;

/**
 * Builds the tenant model from a file that passed every check: applies the defaults and hashes
 * clear-text passwords (all users at once; each hash runs on the libuv pool). User fields are
 * copied one by one, never spread, so a clear-text `password` cannot reach the model.
 */
export async function buildTenant(
  file: TenantFile,
  hashPassword: PasswordHashFunction,
): Promise<Tenant> {
  const users = await Promise.all(
    file.users.map((user) => buildUser(user, file.tenant.name, hashPassword)),
  );
  return {
    name: file.tenant.name,
    id: file.tenant.id,
    userFlows: file.userFlows.map(buildUserFlow),
    applications: file.applications.map(buildApplication),
    users,
    identityProtection: { ...DEFAULT_IDENTITY_PROTECTION, ...file.identityProtection },
    refreshTokens: { ...DEFAULT_REFRESH_TOKENS, ...file.refreshTokens },
    allowOutOfRangeLifetimes: file.allowOutOfRangeLifetimes ?? false,
  };
}

function buildUserFlow(flow: TenantFileUserFlow): UserFlow {
  return {
    name: flow.name,
    type: flow.type,
    applicationClaims: [...flow.applicationClaims],
    policyClaim: flow.policyClaim ?? USER_FLOW_DEFAULTS.policyClaim,
    issuerStyle: flow.issuerStyle ?? USER_FLOW_DEFAULTS.issuerStyle,
    subjectClaim: flow.subjectClaim ?? USER_FLOW_DEFAULTS.subjectClaim,
    lifetimes: { ...DEFAULT_LIFETIMES, ...flow.lifetimes },
    expiresInAsString: flow.expiresInAsString ?? USER_FLOW_DEFAULTS.expiresInAsString,
  };
}

function buildApplication(application: TenantFileApplication): Application {
  return {
    id: application.id,
    name: application.name,
    publicClient: application.publicClient ?? APPLICATION_DEFAULTS.publicClient,
    implicitFlowAllowed:
      application.implicitFlowAllowed ?? APPLICATION_DEFAULTS.implicitFlowAllowed,
    ropcEnabled: application.ropcEnabled ?? APPLICATION_DEFAULTS.ropcEnabled,
    ...(application.identifierUri === undefined
      ? {}
      : { identifierUri: application.identifierUri }),
    exposedScopes: (application.exposedScopes ?? []).map((value) => ({ value })),
    grantedScopes: [...(application.grantedScopes ?? [])],
    enabled: application.enabled ?? APPLICATION_DEFAULTS.enabled,
  };
}

async function buildUser(
  user: TenantFileUser,
  tenantName: string,
  hashPassword: PasswordHashFunction,
): Promise<TenantUser> {
  return {
    id: user.id,
    displayName: user.displayName,
    ...(user.givenName === undefined ? {} : { givenName: user.givenName }),
    ...(user.surname === undefined ? {} : { surname: user.surname }),
    identities: user.identities.map((identity) => ({
      signInType: identity.signInType,
      issuer: identity.issuer ?? tenantName,
      issuerAssignedId: identity.issuerAssignedId,
    })),
    passwordHash:
      user.passwordHash === undefined ? await hashPassword(user.password) : user.passwordHash,
    accountEnabled: user.accountEnabled ?? USER_DEFAULTS.accountEnabled,
    attributes: { ...user.attributes },
    ...(user.passwordPolicies === undefined ? {} : { passwordPolicies: user.passwordPolicies }),
    forceChangePasswordNextSignIn:
      user.forceChangePasswordNextSignIn ?? USER_DEFAULTS.forceChangePasswordNextSignIn,
  };
}
